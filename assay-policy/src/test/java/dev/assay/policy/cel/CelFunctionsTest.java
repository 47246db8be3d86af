package dev.assay.policy.cel;

import static dev.assay.policy.cel.Expressions.eval;
import static dev.assay.policy.cel.Expressions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every function the environment offers beyond plain CEL, each through CEL itself: each case is an
 * expression that must evaluate to true.
 */
class CelFunctionsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                // strings extension
                "'Hello'.lowerAscii() == 'hello'",
                "'Hello'.upperAscii() == 'HELLO'",
                "'a,b,c'.split(',') == ['a', 'b', 'c']",
                "'a,b,c'.split(',', 2) == ['a', 'b,c']",
                "['a', 'b'].join() == 'ab'",
                "['a', 'b'].join('-') == 'a-b'",
                "[].join('-') == ''",
                "'banana'.replace('a', 'o') == 'bonono'",
                "'banana'.replace('a', 'o', 1) == 'bonana'",
                "'banana'.replace('a', 'o', 0) == 'banana'",
                "'abc'.replace('', '-') == '-a-b-c-'",
                "'  padded \\t'.trim() == 'padded'",
                "'nginx:1.27'.indexOf(':') == 5",
                "'a.b.c'.lastIndexOf('.') == 3",
                "'registry.io/app:v1'.substring(12) == 'app:v1'",
                "'registry.io/app:v1'.substring(0, 8) == 'registry'",
                "'abc'.charAt(1) == 'b'",
                "'abc'.reverse() == 'cba'",
                "strings.quote('a\"b') == '\"a\\\\\"b\"'",
                "'nginx:latest'.endsWith(':latest') && 'nginx:latest'.startsWith('nginx') && 'abc'.contains('b')",
                "size('héllo') == 5",
                // regex
                "'registry.example.com/app'.matches('^registry\\\\.example\\\\.com/')",
                "!'docker.io/app'.matches('^registry\\\\.example\\\\.com/')",
                "'abc 123 def 456'.find('[0-9]+') == '123'",
                "'abc'.find('[0-9]+') == ''",
                "'abc 123 def 456'.findAll('[0-9]+') == ['123', '456']",
                "'abc 123 def 456'.findAll('[0-9]+', 1) == ['123']",
                "'abc 123 def 456'.findAll('[0-9]+', 0) == []",
                "'abc 123 def 456'.findAll('[0-9]+', -1) == ['123', '456']",
                "'abc'.findAll('x*') == ['', '', '', '']",
                // Kubernetes lists library
                "[1, 2, 3].isSorted() && !([3, 1].isSorted()) && ['a', 'b'].isSorted() && [].isSorted()",
                "[1, 2, 3].sum() == 6 && [1.5, 2.5].sum() == 4.0 && [].sum() == 0",
                "[3, 1, 2].min() == 1 && [3, 1, 2].max() == 3 && ['b', 'a'].min() == 'a'",
                "[1, 2, 1].indexOf(1) == 0 && [1, 2, 1].lastIndexOf(1) == 2 && [1, 2].indexOf(5) == -1",
                "['a', 'b'].indexOf('b') == 1",
                // cel-java lists extension
                "[1, 2, 3, 4].slice(1, 3) == [2, 3]",
                "[[1], [2, 3]].flatten() == [1, 2, 3]",
                "[1, 2, 1].distinct() == [1, 2]",
                "[1, 2].reverse() == [2, 1]",
                "[3, 1, 2].sort() == [1, 2, 3]",
                "[3, 1, 2].sortBy(e, -e) == [3, 2, 1]",
                "dyn([{'n': 2}, {'n': 1}]).sortBy(e, e.n) == [{'n': 1}, {'n': 2}]",
                "lists.range(3) == [0, 1, 2]",
                // sets
                "sets.contains([1, 2, 3], [1, 2]) && sets.intersects([1], [1, 5]) && sets.equivalent([1, 2], [2, 1])",
                // optionals, bindings, comprehensions
                "object.?spec.?missing.orValue('none') == 'none'",
                "optional.of(1).hasValue() && !optional.none().hasValue()",
                "cel.bind(x, 'ab', x + x) == 'abab'",
                "[1, 2].all(i, v, v > i)",
                "[1, 2].exists_one(x, x == 2) && [1, 2].map(x, x * 2) == [2, 4] && [1, 2].filter(x, x > 1) == [2]",
                "{'a': 1}.transformMap(k, v, v + 1) == {'a': 2}",
                // math and encoders
                "math.greatest(1, 5, 3) == 5 && math.least([4, 2]) == 2 && math.abs(-3) == 3",
                "base64.encode(b'hi') == 'aGk=' && base64.decode('aGk=') == b'hi'",
                // Kubernetes quantity library
                "quantity('500m').isLessThan(quantity('1'))",
                "quantity('1Gi').isGreaterThan(quantity('1G'))",
                "quantity('1Ki') == quantity('1024')",
                "quantity('1Ki').compareTo(quantity('1024')) == 0 && quantity('1').compareTo(quantity('2')) == -1",
                "quantity('1.5Gi').compareTo(quantity('1536Mi')) == 0",
                "isQuantity('200Mi') && !isQuantity('200MB')",
                "quantity('50k').asInteger() == 50000 && quantity('50k').isInteger() && !quantity('50.5').isInteger()",
                "quantity('1.5').asApproximateFloat() == 1.5",
                "quantity('-2').sign() == -1 && quantity('0').sign() == 0 && quantity('3m').sign() == 1",
                "quantity('1').add(quantity('500m')) == quantity('1500m') && quantity('1').add(2) == quantity('3')",
                "quantity('1').sub(quantity('500m')) == quantity('500m') && quantity('5').sub(2) == quantity('3')",
                // Kubernetes URL library
                "url('https://user@example.com:8443/a%20b?x=1&x=2&y').getScheme() == 'https'",
                "url('https://user@example.com:8443/a%20b?x=1&x=2&y').getHost() == 'example.com:8443'",
                "url('https://user@example.com:8443/a%20b?x=1&x=2&y').getHostname() == 'example.com'",
                "url('https://user@example.com:8443/a%20b?x=1&x=2&y').getPort() == '8443'",
                "url('https://example.com').getPort() == ''",
                "url('https://user@example.com:8443/a%20b?x=1&x=2&y').getEscapedPath() == '/a%20b'",
                "url('https://example.com/?x=1&x=2&y').getQuery() == {'x': ['1', '2'], 'y': ['']}",
                "url('https://[::1]:80/').getHostname() == '::1' && url('https://[::1]:80/').getHost() == '[::1]:80'",
                "url('/absolute/path').getEscapedPath() == '/absolute/path' && url('/absolute/path').getHost() == ''",
                "isURL('https://example.com') && !isURL('relative/path') && !isURL('not a url')",
                // heterogeneous numbers, as Kubernetes enables
                "dyn(1) == 1.0 && 2 > 1.5 && 1u < 2 && object.spec.replicas == 3.0"
            })
    void expression_isTrue(String expression) throws Exception {
        assertThat(eval(expression, "spec: {replicas: 3}\n")).as(expression).isEqualTo(true);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "quantity('5 Gi') | quantities must match the regular expression",
                "quantity('1i') | unable to parse quantity's suffix",
                "quantity('1.5').asInteger() | cannot convert value to integer",
                "[].min() | min called on empty list",
                "[1, 'a'].sum() | sum() needs a list of numbers",
                "url('relative') | URL parse error",
                "'a'.find('(') | invalid regular expression",
                "{'a': 1}.b | key 'b' is not present in map"
            })
    void expression_failsWithClearMessage(String expression, String message) {
        assertThat(failure(expression)).contains(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"object.spec.replicas == 3", "object.spec.replicas > 2.5", "object.metadata.name == 'web'"})
    void expression_overYamlObject_seesKubernetesTypes(String expression) throws Exception {
        assertThat(eval(expression, "metadata: {name: web}\nspec: {replicas: 3}\n"))
                .isEqualTo(true);
    }

    @org.junit.jupiter.api.Test
    void find_returnsListOfStrings() throws Exception {
        assertThat(eval("'x1y22'.findAll('[0-9]+')")).isEqualTo(List.of("1", "22"));
    }
}
