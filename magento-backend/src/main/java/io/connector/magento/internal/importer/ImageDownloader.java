package io.connector.magento.internal.importer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

import io.connector.api.BackendRecord;
import io.connector.api.ConnectorException;
import io.connector.api.job.RetryableJobException;
import io.connector.magento.MagentoSettings;
import io.connector.magento.http.BoundedExchange;
import io.connector.magento.http.NetworkFault;
import io.connector.magento.http.NetworkRetries;
import io.connector.magento.http.PrintableText;

/**
 * Downloads a product's image with the bounds of every call to the backend's shop: the whole
 * exchange within its {@code timeout}, the body no larger than {@code answer.max.mb}, sent again
 * after a passing network fault as {@code network.retries} say (a GET only reads). No credentials
 * go along (media URLs are public) and none is ever named: a URL is shown without its
 * {@code user:password@}.
 *
 * <p>404 (or 410) is {@link Missing}: the shop lists a file it does not have, which happens (a
 * file deleted from the media folder), and the product imports without it. Anything else that is
 * not an image fails the product's import: 502, 503, 504 and faults of the network are passing
 * (retried here, then by the job), so are 429 and 500; any other status, or an answer that is not
 * a JPEG, PNG, GIF or WebP by its first bytes (a PHP error page answered 200), is not.
 */
public final class ImageDownloader {

    /** An image as downloaded: its bytes and its media type, from the bytes themselves. */
    public record Image(byte[] data, String contentType) {
    }

    /** The shop answered 404 or 410: it does not have the file. */
    public static final class Missing extends ConnectorException {
        private static final long serialVersionUID = 1L;

        Missing(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final String backendName;
    private final Duration timeout;
    private final long maxBytes;
    private final NetworkRetries retries;

    public ImageDownloader(HttpClient http, String backendName, Duration timeout, long maxBytes, NetworkRetries retries) {
        this.http = http;
        this.backendName = backendName;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.retries = retries;
    }

    /** With the backend record's {@code timeout}, {@code answer.max.mb} and {@code network.retries}. */
    public static ImageDownloader of(HttpClient http, BackendRecord backend) {
        return new ImageDownloader(http, backend.name(), MagentoSettings.of(backend).timeout(),
                MagentoSettings.maxAnswerBytes(backend), MagentoSettings.networkRetries(backend));
    }

    /** The image at {@code url}; {@code product} names the product in errors (e.g. "magento.product.product 24-WG02"). */
    public Image download(String product, String url) {
        String shown = shown(url);
        String what = "image " + shown + " of " + product;
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException("Backend " + backendName + ": " + what + ": not a URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new ConnectorException("Backend " + backendName + ": " + what + ": not an http(s) URL");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("Accept", "image/*").build();
        // Errors name the host the image was looked for at; what names the whole URL.
        URI host = URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        BoundedExchange exchange = new BoundedExchange(http, backendName, host, timeout, maxBytes);
        HttpResponse<byte[]> answer = retries.run(backendName, what, true, () -> {
            HttpResponse<byte[]> response = exchange.send(request, what);
            int status = response.statusCode();
            if (status == 502 || status == 503 || status == 504) {
                throw new NetworkFault("Backend " + backendName + ": " + what + " answered HTTP " + status, null);
            }
            return response;
        });
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("none");
        if (status == 404 || status == 410) {
            throw new Missing(what + " is missing in the shop (HTTP " + status + "): skipped");
        }
        if (status == 429 || status == 500) {
            throw new RetryableJobException("Backend " + backendName + ": " + what + " answered HTTP " + status + ": "
                    + PrintableText.quoteStart(answer.body()));
        }
        if (status != 200) {
            throw new ConnectorException("Backend " + backendName + ": " + what + " answered HTTP " + status
                    + (status / 100 == 3 ? " pointing to " + shown(answer.headers().firstValue("Location").orElse("nowhere"))
                    : ": " + PrintableText.quoteStart(answer.body())));
        }
        String sniffed = imageType(answer.body());
        if (sniffed == null) {
            throw new ConnectorException("Backend " + backendName + ": " + what + " is not an image (Content-Type "
                    + PrintableText.of(type) + ", " + answer.body().length + " bytes starting " + PrintableText.quoteStart(
                    Arrays.copyOf(answer.body(), Math.min(answer.body().length, 60))) + ")");
        }
        return new Image(answer.body(), sniffed);
    }

    /**
     * The media type of an image by its first bytes, null when it is none of the formats Magento
     * takes: a shop's Content-Type says what its web server guesses from the file name (the
     * recorded Magento 2 answer calls a GIF image/jpeg), the bytes say what the file is.
     */
    static String imageType(byte[] data) {
        if (starts(data, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(data, 'G', 'I', 'F', '8', '7', 'a') || starts(data, 'G', 'I', 'F', '8', '9', 'a')) {
            return "image/gif";
        }
        if (starts(data, 'R', 'I', 'F', 'F') && data.length >= 12 && data[8] == 'W' && data[9] == 'E' && data[10] == 'B'
                && data[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static boolean starts(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@code url} as errors show it: printable, without {@code user:password@}. */
    static String shown(String url) {
        return PrintableText.of(String.valueOf(url).replaceAll("//[^/@?#]*@", "//"));
    }
}
