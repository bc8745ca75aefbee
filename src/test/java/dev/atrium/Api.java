package dev.atrium;

import dev.atrium.TestAccounts.SignedInUser;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API as a client calls it, for tests: {@code api.as(user).post("/api/cart/items", body)}. It exists so
 * that the bearer header is set in one place instead of by hand in every request, and so that a test reads as the
 * calls a client makes. Results are MockMvcTester's, so tests keep asserting with {@code assertThat(result)}.
 * Imported by {@link AtriumTest}; not a scanned component.
 */
public class Api {

    private final MockMvcTester mvc;
    private final JsonMapper json;

    Api(MockMvcTester mvc, JsonMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    /** A client signed in as the user. */
    public Client as(SignedInUser user) {
        return as(user.access());
    }

    /** A client sending the access token (a session or an app token) as its bearer. */
    public Client as(String accessToken) {
        return anonymous().header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
    }

    /** A client without credentials. */
    public Client anonymous() {
        return new Client(List.of());
    }

    /**
     * One client's requests. Also a {@link RequestPostProcessor}, for the requests it has no verb for (multipart
     * uploads, odd content types): {@code mvc.multipart().uri(...).file(...).with(api.as(user))}.
     */
    public final class Client implements RequestPostProcessor {

        private final List<RequestPostProcessor> setup;

        private Client(List<RequestPostProcessor> setup) {
            this.setup = setup;
        }

        /** The same client, sending one more header on every request. */
        public Client header(String name, String value) {
            return with(request -> {
                request.addHeader(name, value);
                return request;
            });
        }

        /** The same client, with one more change to every request (a client address, say). */
        public Client with(RequestPostProcessor change) {
            List<RequestPostProcessor> more = new ArrayList<>(setup);
            more.add(change);
            return new Client(List.copyOf(more));
        }

        public MvcTestResult get(String uri, Object... uriVariables) {
            return send(mvc.get().uri(uri, uriVariables), null);
        }

        public MvcTestResult delete(String uri, Object... uriVariables) {
            return send(mvc.delete().uri(uri, uriVariables), null);
        }

        /** A POST without a body. */
        public MvcTestResult post(String uri) {
            return send(mvc.post().uri(uri), null);
        }

        /** A POST of a JSON body: a string as it is, any other object written by the application's JSON mapper. */
        public MvcTestResult post(String uri, Object body) {
            return send(mvc.post().uri(uri), body);
        }

        public MvcTestResult put(String uri, Object body) {
            return send(mvc.put().uri(uri), body);
        }

        public MvcTestResult patch(String uri, Object body) {
            return send(mvc.patch().uri(uri), body);
        }

        @Override
        public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
            for (RequestPostProcessor change : setup) {
                request = change.postProcessRequest(request);
            }
            return request;
        }

        private MvcTestResult send(MockMvcRequestBuilder request, @Nullable Object body) {
            request.with(this);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON)
                        .content(body instanceof String text ? text : json.writeValueAsString(body));
            }
            return request.exchange();
        }
    }
}
