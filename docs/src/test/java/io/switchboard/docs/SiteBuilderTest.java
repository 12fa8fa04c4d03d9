/*
 * Copyright 2026 The Switchboard authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.switchboard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path site;

    @Test
    @DisplayName("The repository's site has a page for every README and no broken link")
    void repositorySiteIsWhole() throws IOException {
        stubJavadoc(site);

        List<String> broken = SiteBuilder.build(REPOSITORY, site, SiteBuilder.DEFAULT_REPOSITORY);

        assertThat(broken).isEmpty();
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            List<String> readmes = files.filter(f -> f.getFileName().toString().equals("README.md"))
                    .map(f -> REPOSITORY.relativize(f).toString().replace('\\', '/'))
                    .filter(p -> !p.contains("target/") && !p.startsWith("."))
                    .toList();
            assertThat(readmes).contains("README.md", "api/README.md", "tck/README.md", "benchmarks/results/README.md");
            for (String readme : readmes) {
                assertThat(site.resolve(SitePage.outputOf(readme))).as("page of " + readme).isRegularFile();
            }
        }
        String home = Files.readString(site.resolve("index.html"));
        assertThat(home).contains("href=\"kafka-binding/index.html\"").contains("href=\"javadoc/api/index.html\"")
                .doesNotContain(".md\"");
        assertThat(Files.readString(site.resolve("kafka-binding/index.html"))).contains("<table>");
        assertThat(site.resolve("benchmarks/results/ratios.png")).isRegularFile();
    }

    @Test
    @DisplayName("A link to a missing file or to a heading that does not exist is reported with its page")
    void brokenLinksAreReported(@TempDir Path repository) throws IOException {
        Files.writeString(repository.resolve("README.md"), """
                # Home

                See [the guide](guide/README.md#setup), [nothing](missing.png) and [here](#no-such-heading).
                """);
        Files.createDirectories(repository.resolve("guide"));
        Files.writeString(repository.resolve("guide/README.md"), "# Guide\n\n## Set up\n");
        stubJavadoc(site);

        List<String> broken = SiteBuilder.build(repository, site, "https://example.org/repo/blob/main/");

        assertThat(broken).containsExactlyInAnyOrder(
                "index.html: guide/index.html#setup (no heading with the anchor #setup in guide/index.html)",
                "index.html: missing.png (no such file in the site)",
                "index.html: #no-such-heading (no heading with the anchor #no-such-heading in index.html)");
    }

    @Test
    @DisplayName("Links to sources go to the repository's web view, links between READMEs to their pages")
    void linksAreRewrittenForTheSite(@TempDir Path repository) throws IOException {
        Files.createDirectories(repository.resolve("core/src"));
        Files.writeString(repository.resolve("core/src/Main.java"), "class Main {}");
        Files.writeString(repository.resolve("README.md"),
                "# Home\n\n[core](core/README.md), [main](core/src/Main.java), [sources](core/src), [up](#home)\n");
        Files.writeString(repository.resolve("core/README.md"), "# Core\n\nBack [home](../README.md#home).\n");
        stubJavadoc(site);

        List<String> broken = SiteBuilder.build(repository, site, "https://example.org/repo/blob/main/");

        assertThat(broken).isEmpty();
        assertThat(Files.readString(site.resolve("index.html")))
                .contains("href=\"core/index.html\"")
                .contains("href=\"https://example.org/repo/blob/main/core/src/Main.java\"")
                .contains("href=\"https://example.org/repo/tree/main/core/src\"")
                .contains("<h1 id=\"home\">");
        assertThat(Files.readString(site.resolve("core/index.html"))).contains("href=\"../index.html#home\"");
    }

    @Test
    @DisplayName("Headings get GitHub's anchors, so a README's links to its sections work on the site")
    void anchorsAreGitHubs() {
        assertThat(PageRenderer.anchor("Keys & errors: `kafka.*`")).isEqualTo("keys--errors-kafka");
        assertThat(PageRenderer.anchor("What the JMS binding's pipelining buys")).isEqualTo("what-the-jms-bindings-pipelining-buys");
    }

    /** What the build unpacks from the api and tck Javadoc jars before the site is built. */
    private static void stubJavadoc(Path site) throws IOException {
        for (String module : List.of("api", "tck")) {
            Path index = site.resolve("javadoc/" + module + "/index.html");
            Files.createDirectories(index.getParent());
            Files.writeString(index, "<html></html>");
        }
    }
}
