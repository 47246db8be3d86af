package dev.assay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupTrainingTest {
    @Test
    void commandLines_splitAtTheSeparatorAndDropEmptyOnes() {
        String[] args = {"--then", "sbom", "dir", "--format", "spdx-json", "--then", "--then", "scan", "dir", "--then"};

        assertThat(StartupTraining.commandLines(args))
                .containsExactly(List.of("sbom", "dir", "--format", "spdx-json"), List.of("scan", "dir"));
    }

    @Test
    void commandLines_noSeparator_isOneCommandLine() {
        assertThat(StartupTraining.commandLines(new String[] {"--version"})).containsExactly(List.of("--version"));
    }
}
