package dev.assay.server.portfolio.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParametersTest {
    @Test
    void parse_escapesPlusAndRepeats_decoded() {
        QueryParameters query = QueryParameters.parse("project=a%20b&tag=x&tag=y+z&flag&q=caf%C3%A9");

        assertThat(query.first("project")).contains("a b");
        assertThat(query.all("tag")).containsExactly("x", "y z");
        assertThat(query.first("flag")).contains("");
        assertThat(query.first("q")).contains("café");
        assertThat(query.first("absent")).isEmpty();
    }

    @Test
    void parse_invalidUtf8OrMalformedEscape_isABadRequest() {
        for (String hostile : new String[] {"q=%FF", "q=%C3%28", "q=%ED%A0%80", "q=%G1", "q=%4", "q=%"}) {
            assertThatThrownBy(() -> QueryParameters.parse(hostile))
                    .as(hostile)
                    .isInstanceOf(ApiProblem.class)
                    .satisfies(e -> assertThat(((ApiProblem) e).status().code()).isEqualTo(400));
        }
    }

    @Test
    void parse_tooManyParameters_isABadRequest() {
        assertThatThrownBy(() -> QueryParameters.parse("a=1&".repeat(101))).isInstanceOf(ApiProblem.class);
    }
}
