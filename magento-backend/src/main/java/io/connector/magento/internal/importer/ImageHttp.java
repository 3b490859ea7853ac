package io.connector.magento.internal.importer;

import java.net.http.HttpClient;
import java.time.Duration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The HTTP client the product importers download images with, one for the bundle, so that the
 * images of a chunk's products (and of the next chunk's) reuse its connections. Redirects are
 * followed, except from https to http: a shop may serve its media from elsewhere (a CDN), and no
 * credentials go with an image's request.
 */
@Component(service = ImageHttp.class)
public final class ImageHttp {

    private final HttpClient client;

    @Activate
    public ImageHttp() {
        client = newClient();
    }

    public HttpClient client() {
        return client;
    }

    /** A client as the bundle's: redirects followed but from https to http, connections within 10 s. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
    }
}
