package dev.assay.server.portfolio.monitor;

import dev.assay.model.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which webhook targets are accepted: absolute {@code http} or {@code https} URLs with a host. Other
 * schemes ({@code file:}, {@code jar:}, {@code ftp:}) would let a subscriber make the server read or reach
 * things no webhook needs; credentials in the URL would be stored and shown in the clear.
 */
public final class WebhookUrls {
    static final int MAX_LENGTH = 2048;

    private WebhookUrls() {}

    /** @throws InvalidInputException when the URL is not an acceptable webhook target */
    public static URI validate(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("a webhook needs a url", "url");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidInputException(
                    "a webhook url must have at most " + MAX_LENGTH + " characters, not " + url.length(), "url");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("not a valid webhook url: " + e.getMessage(), "url", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException(
                    "a webhook url must use http or https, not '" + (scheme.isEmpty() ? "(none)" : scheme) + "'",
                    "url");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException("a webhook url needs a host name or address: " + url, "url");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException(
                    "a webhook url must not carry credentials; the request is authenticated by its signature", "url");
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidInputException("a webhook url must not have a fragment (#...)", "url");
        }
        return uri;
    }
}
