package dev.assay.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.sbom.SpdxLicenses.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdxLicensesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "MIT | ID | MIT",
                "mit | ID | MIT",
                "apache-2.0 | ID | Apache-2.0",
                "GPL-2.0 | ID | GPL-2.0",
                "MIT OR Apache-2.0 | EXPRESSION | MIT OR Apache-2.0",
                "mit or apache-2.0 | EXPRESSION | MIT OR Apache-2.0",
                "(MIT AND BSD-3-Clause) OR GPL-3.0-only | EXPRESSION | (MIT AND BSD-3-Clause) OR GPL-3.0-only",
                "Apache-2.0 WITH Classpath-exception-2.0 | EXPRESSION | Apache-2.0 WITH Classpath-exception-2.0",
                "GPL-2.0+ | ID | GPL-2.0+",
                "Apache-2.0+ | EXPRESSION | Apache-2.0+",
                "LicenseRef-acme-eula | EXPRESSION | LicenseRef-acme-eula",
                "DocumentRef-x:LicenseRef-y | EXPRESSION | DocumentRef-x:LicenseRef-y",
                "Apache License, Version 2.0 | NAME | Apache License, Version 2.0",
                "MIT OR | NAME | MIT OR",
                "(MIT | NAME | (MIT",
                "MIT AND NotALicense | NAME | MIT AND NotALicense",
                "Apache-2.0 WITH MIT-ish | NAME | Apache-2.0 WITH MIT-ish",
                "Public Domain | NAME | Public Domain"
            })
    void classify_declaredLicense_isSortedIntoIdExpressionOrName(String license, Kind kind, String value) {
        SpdxLicenses.Classified classified = SpdxLicenses.classify(license);

        assertThat(classified.kind()).isEqualTo(kind);
        assertThat(classified.value()).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"60", "5000"})
    void classify_deeplyParenthesized_isANameNotACrash(int depth) {
        String nested = "(".repeat(depth) + "MIT" + ")".repeat(depth);

        assertThat(SpdxLicenses.classify(nested).kind()).isEqualTo(Kind.NAME);
    }
}
