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

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a link written in a README (relative to that Markdown file, as GitHub reads it) into a link that works on
 * the site: a link to another page's Markdown becomes a link to its HTML, an image is copied into the site beside
 * it, and a link to anything else of the repository (a source file, a folder without a README) goes to the
 * repository's web view, so no link of the site points at a file the site does not have. A link to a file the
 * repository does not have is left as written, for the link check to report.
 */
final class LinkRewriter {
    private static final Set<String> ASSETS = Set.of("png", "svg", "jpg", "jpeg", "gif");

    private final Path root;
    private final SiteMap map;
    private final String repositoryUrl;

    /**
     * @param root          the repository root
     * @param map           the site's pages
     * @param repositoryUrl the repository's web view of the main branch's files, e.g.
     *                      {@code https://github.com/owner/name/blob/main/}
     */
    LinkRewriter(Path root, SiteMap map, String repositoryUrl) {
        this.root = root;
        this.map = map;
        this.repositoryUrl = repositoryUrl.endsWith("/") ? repositoryUrl : repositoryUrl + "/";
    }

    /** What a link becomes on the page made from {@code page}, and the repository file to copy for it, if any. */
    Rewritten rewrite(SitePage page, String destination) {
        if (destination.isEmpty() || destination.startsWith("#") || hasScheme(destination)) {
            return new Rewritten(destination, null);
        }
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        String fragment = hash < 0 ? "" : destination.substring(hash);
        String target = resolve(page.source(), path);
        if (target == null) {
            return new Rewritten(destination, null); // outside the repository: left for the link check to report
        }
        Path file = root.resolve(target);
        if (!Files.exists(file)) {
            return new Rewritten(destination, null); // no such file in the repository: the link check reports it
        }
        String asPage = Files.isDirectory(file) ? join(target, "README.md") : target;
        var linked = map.page(asPage);
        if (linked.isPresent()) {
            return new Rewritten(relative(page.output(), linked.get().output()) + fragment, null);
        }
        if (Files.isRegularFile(file) && ASSETS.contains(extension(target))) {
            return new Rewritten(relative(page.output(), target) + fragment, target);
        }
        String view = Files.isDirectory(file) ? repositoryUrl.replace("/blob/", "/tree/") : repositoryUrl;
        return new Rewritten(view + target + fragment, null);
    }

    /** A rewritten link, and the repository-relative file the site must carry for it (null: none). */
    record Rewritten(String destination, String assetToCopy) {
    }

    /** Whether the link names a scheme (https:, mailto:): a link to the web, which the site leaves as it is. */
    static boolean hasScheme(String destination) {
        try {
            return URI.create(destination.replace(" ", "%20")).getScheme() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code path} read from the folder of {@code source}; null if it leaves the repository. */
    static String resolve(String source, String path) {
        String folder = source.contains("/") ? source.substring(0, source.lastIndexOf('/')) : "";
        Path resolved = Path.of(folder.isEmpty() ? "." : folder).resolve(path).normalize();
        String text = resolved.toString().replace('\\', '/');
        if (text.startsWith("..") || resolved.isAbsolute()) {
            return null;
        }
        return text.isEmpty() ? "." : text;
    }

    /** The link from the page at {@code from} to the site file at {@code to}, both relative to the site root. */
    static String relative(String from, String to) {
        Path fromFolder = Path.of(from).getParent();
        Path target = Path.of(to);
        String link = (fromFolder == null ? target : fromFolder.relativize(target)).toString().replace('\\', '/');
        return link.isEmpty() ? Path.of(to).getFileName().toString() : link;
    }

    private static String join(String folder, String file) {
        return folder.equals(".") ? file : folder + "/" + file;
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
