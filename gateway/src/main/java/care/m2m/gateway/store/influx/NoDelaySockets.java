package care.m2m.gateway.store.influx;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Sockets with Nagle's algorithm off for the InfluxDB client. A write is an HTTP POST whose headers and body leave
 * as separate segments; with Nagle on, the body waited for the server's delayed ACK, and every batch write took
 * about 30 ms on loopback where InfluxDB itself answers in about 1 ms (bench/ingest-compare.sh: PUBACK p50 over
 * 50 ms at any load). Telemetry is acknowledged to devices only after this write, so that wait was every device's.
 */
final class NoDelaySockets extends SocketFactory {

    private final SocketFactory plain = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(plain.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(plain.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(plain.createSocket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
