package care.m2m.testkit;

import java.util.function.Supplier;

/**
 * One lazily started server per JVM. A server that failed to start is not tried again by every later test
 * class (each attempt can take a minute): they all fail at once with the first failure as the cause.
 */
final class SharedServer<T extends LocalServer> {

    private final String name;
    private final Supplier<T> factory;
    private T server;
    private RuntimeException failure;

    SharedServer(String name, Supplier<T> factory) {
        this.name = name;
        this.factory = factory;
    }

    /** The running server: started on first use, and started again when a test left it stopped. */
    synchronized T get() {
        if (failure != null) {
            throw new IllegalStateException("the shared " + name + " failed to start earlier in this JVM: "
                    + failure.getMessage(), failure);
        }
        try {
            if (server == null) {
                server = factory.get();
            }
            server.start();
            return server;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }
}
