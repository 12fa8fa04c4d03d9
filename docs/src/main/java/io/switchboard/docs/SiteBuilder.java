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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the documentation site: every README of the repository and its guides rendered to HTML with one
 * navigation, the benchmark report's chart beside it, and links to the api and tck Javadoc that the build unpacks
 * into {@code javadoc/}. The site is made from the files users read on the repository, so it cannot say something
 * else; the build fails on any broken link.
 *
 * <p>Run by the build (module {@code docs}, phase {@code package}):
 * {@code SiteBuilder <repository root> <site folder> [<repository web view of the main branch's files>]}.
 */
public final class SiteBuilder {
    static final String DEFAULT_REPOSITORY = "https://github.com/switchboard-messaging/switchboard/blob/main/";
    static final List<SiteLayout.NavLink> JAVADOC = List.of(
            new SiteLayout.NavLink("Getting started", "API Javadoc", "javadoc/api/index.html"),
            new SiteLayout.NavLink("The kit, for binding maintainers", "Kit Javadoc", "javadoc/tck/index.html"));

    private SiteBuilder() {
    }

    /**
     * Builds the site of the repository at {@code args[0]} into {@code args[1]}; exits non-zero, naming each broken
     * link, if the site has any.
     *
     * @param args the repository root, the site folder, optionally the repository's web view of its files
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: SiteBuilder <repository root> <site folder> [<repository files URL>]");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path site = Path.of(args[1]).toAbsolutePath().normalize();
        List<String> broken = build(root, site, args.length > 2 ? args[2] : DEFAULT_REPOSITORY);
        if (!broken.isEmpty()) {
            throw new IllegalStateException("the documentation site has " + broken.size() + " broken link(s); fix the"
                    + " README that has each:\n  " + String.join("\n  ", broken));
        }
        System.out.println("documentation site: " + site.resolve("index.html"));
    }

    /** Builds the site and returns its broken links (none: the site is whole). */
    static List<String> build(Path root, Path site, String repositoryUrl) {
        SiteMap map = SiteMap.of(root);
        PageRenderer renderer = new PageRenderer(new LinkRewriter(root, map, repositoryUrl));
        Map<String, PageRenderer.Rendered> rendered = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (SitePage page : map.pages()) {
            PageRenderer.Rendered one = renderer.render(page, read(root.resolve(page.source())));
            rendered.put(page.source(), one);
            titles.put(page.source(), one.title());
        }
        SiteLayout layout = new SiteLayout(map.pages(), JAVADOC);
        Set<String> outputs = new LinkedHashSet<>();
        for (SitePage page : map.pages()) {
            PageRenderer.Rendered one = rendered.get(page.source());
            write(site.resolve(page.output()), layout.page(page, one.title(), one.body(), titles));
            outputs.add(page.output());
            for (String asset : one.assets()) {
                copy(root.resolve(asset), site.resolve(asset));
            }
        }
        writeStyle(site.resolve("site.css"));
        return LinkCheck.brokenLinks(site, outputs);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " into the site", e);
        }
    }

    private static void writeStyle(Path file) {
        try (InputStream css = SiteBuilder.class.getResourceAsStream("site.css")) {
            if (css == null) {
                throw new IllegalStateException("site.css is missing from the docs module's resources");
            }
            Files.createDirectories(file.getParent());
            Files.copy(css, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
