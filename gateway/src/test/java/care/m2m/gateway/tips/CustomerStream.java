package care.m2m.gateway.tips;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A customer's open page in a test: reads the server-sent event stream line by line into a queue. */
final class CustomerStream implements AutoCloseable {

    final BlockingQueue<String> dataLines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile Stream<String> lines;

    CustomerStream(String url, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("event stream answered " + response.statusCode());
        }
        lines = response.body();
        reader = Thread.ofVirtual().start(() -> {
            try {
                lines.filter(l -> l.startsWith("data: ")).forEach(l -> dataLines.add(l.substring(6)));
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
    }

    @Override
    public void close() {
        lines.close();
        reader.interrupt();
    }
}
