package dev.assay.vulndb.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlPolicyTest {
    private static final URI LOOPBACK = URI.create("http://127.0.0.1:8080/Maven/all.zip");
    private static final URI REMOTE = URI.create("https://mirror.example.org/Maven/all.zip");

    @Test
    void isLoopback_literalsAndLocalhost_only() {
        assertThat(UrlPolicy.isLoopback("127.0.0.1")).isTrue();
        assertThat(UrlPolicy.isLoopback("127.1.2.3")).isTrue();
        assertThat(UrlPolicy.isLoopback("localhost")).isTrue();
        assertThat(UrlPolicy.isLoopback("[::1]")).isTrue();
        assertThat(UrlPolicy.isLoopback("10.0.0.1")).isFalse();
        assertThat(UrlPolicy.isLoopback("127.0.0.300")).isFalse();
        assertThat(UrlPolicy.isLoopback("localhost.example.org")).isFalse();
        assertThat(UrlPolicy.isLoopback("[::2]")).isFalse();
    }

    @Test
    void redirectRefusal_httpsTarget_isFollowed() {
        assertThat(UrlPolicy.redirectRefusal(REMOTE, URI.create("https://cdn.example.net/x.zip"), false))
                .isEmpty();
    }

    @Test
    void redirectRefusal_plainHttpToRemote_isRefusedUnlessInsecureAllowed() {
        URI target = URI.create("http://cdn.example.net/x.zip");

        assertThat(UrlPolicy.redirectRefusal(REMOTE, target, false)).isPresent();
        assertThat(UrlPolicy.redirectRefusal(LOOPBACK, target, false)).isPresent();
        assertThat(UrlPolicy.redirectRefusal(REMOTE, target, true)).isEmpty();
    }

    @Test
    void redirectRefusal_remoteToLoopbackHttp_isRefused() {
        assertThat(UrlPolicy.redirectRefusal(REMOTE, URI.create("http://127.0.0.1:2375/"), false))
                .isPresent();
        assertThat(UrlPolicy.redirectRefusal(LOOPBACK, URI.create("http://localhost:9000/x.zip"), false))
                .isEmpty();
    }

    @Test
    void redirectRefusal_otherSchemesAndCredentials_areRefused() {
        assertThat(UrlPolicy.redirectRefusal(REMOTE, URI.create("file:///etc/passwd"), true))
                .isPresent();
        assertThat(UrlPolicy.redirectRefusal(REMOTE, URI.create("ftp://mirror.example.org/x.zip"), true))
                .isPresent();
        assertThat(UrlPolicy.redirectRefusal(REMOTE, URI.create("https://u:p@mirror.example.org/x.zip"), false))
                .isPresent();
    }

    @Test
    void requireAllowedBase_trailingSlashes_areDropped() {
        assertThat(UrlPolicy.requireAllowedBase(URI.create("https://mirror.example.org/osv//"), false))
                .hasToString("https://mirror.example.org/osv");
    }
}
