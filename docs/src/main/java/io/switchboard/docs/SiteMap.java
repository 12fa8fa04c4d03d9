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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which Markdown files of the repository make the site, and the navigation group of each.
 *
 * <p>Every README of the repository is a page, with the top-level guides (CONTRIBUTING, CHANGELOG) and the benchmark
 * report: a module added with a README appears on the site without a change here (in "More" until it is given a
 * group below).
 */
final class SiteMap {
    /** Navigation groups in order, each with the path prefixes of its pages. */
    private static final Map<String, List<String>> SECTIONS = new LinkedHashMap<>();

    static {
        SECTIONS.put("Getting started", List.of("README.md", "api/", "json/", "spring-boot-starter/", "cli/"));
        SECTIONS.put("Bindings", List.of("memory-binding/", "kafka-binding/", "pulsar-binding/", "jms-binding/"));
        SECTIONS.put("Operating", List.of("micrometer/", "opentelemetry/"));
        SECTIONS.put("The kit, for binding maintainers", List.of("tck/", "fixtures/", "brokers/", "faults/", "testing/"));
        SECTIONS.put("Performance", List.of("benchmarks/"));
        SECTIONS.put("Project", List.of("CONTRIBUTING.md", "CHANGELOG.md", "docs/", "suite-check/"));
    }

    static final String OTHER_SECTION = "More";
    private static final List<String> GUIDES = List.of("CONTRIBUTING.md", "CHANGELOG.md");

    private final List<SitePage> pages;

    private SiteMap(List<SitePage> pages) {
        this.pages = List.copyOf(pages);
    }

    /** The pages of the repository at {@code root}: its READMEs (outside build output) and its guides. */
    static SiteMap of(Path root) {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.getFileName().toString().equals("README.md"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(SiteMap::isSourceTree)
                    .forEach(sources::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the READMEs under " + root, e);
        }
        for (String guide : GUIDES) {
            if (Files.isRegularFile(root.resolve(guide))) {
                sources.add(guide);
            }
        }
        List<SitePage> pages = sources.stream()
                .map(s -> new SitePage(s, SitePage.outputOf(s), sectionOf(s)))
                .sorted(Comparator.comparingInt((SitePage p) -> sectionOrder(p.section())).thenComparing(SiteMap::orderInSection))
                .toList();
        return new SiteMap(pages);
    }

    private static boolean isSourceTree(String path) {
        for (String part : path.split("/")) {
            if (part.equals("target") || part.equals("node_modules") || part.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    static String sectionOf(String source) {
        for (Map.Entry<String, List<String>> section : SECTIONS.entrySet()) {
            for (String prefix : section.getValue()) {
                if (prefix.endsWith("/") ? source.startsWith(prefix) : source.equals(prefix)) {
                    return section.getKey();
                }
            }
        }
        return OTHER_SECTION;
    }

    private static int sectionOrder(String section) {
        int index = new ArrayList<>(SECTIONS.keySet()).indexOf(section);
        return index < 0 ? SECTIONS.size() : index;
    }

    /** Within a group: the order of its prefixes, then by path. */
    private static String orderInSection(SitePage page) {
        List<String> prefixes = SECTIONS.getOrDefault(page.section(), List.of());
        for (int i = 0; i < prefixes.size(); i++) {
            String prefix = prefixes.get(i);
            if (prefix.endsWith("/") ? page.source().startsWith(prefix) : page.source().equals(prefix)) {
                return String.format("%03d %s", i, page.source());
            }
        }
        return "999 " + page.source();
    }

    List<SitePage> pages() {
        return pages;
    }

    /** The page made from the Markdown file at {@code source} (repository-relative), if the site has one. */
    Optional<SitePage> page(String source) {
        return pages.stream().filter(p -> p.source().equals(source)).findFirst();
    }
}
