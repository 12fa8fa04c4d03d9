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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the broken links of a built site: every {@code href} and {@code src} of the rendered pages must name a
 * file of the site, and a {@code #fragment} into a rendered page must name one of its headings. Links to the web
 * (the repository, the JDK's pages) are not followed: the build reaches Maven Central only. The Javadoc's own pages
 * are the javadoc tool's and are not read, but the links into them are checked.
 */
final class LinkCheck {
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");

    private LinkCheck() {
    }

    /** Each broken link, as "page: link (why)"; empty when every link works. */
    static List<String> brokenLinks(Path site, Set<String> renderedPages) {
        Map<String, Set<String>> ids = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (String page : renderedPages) {
            String html = read(site.resolve(page));
            Matcher links = LINK.matcher(html);
            while (links.find()) {
                String link = links.group(1).replace("&amp;", "&");
                String why = check(site, page, link, renderedPages, ids);
                if (why != null) {
                    broken.add(page + ": " + link + " (" + why + ")");
                }
            }
        }
        return broken;
    }

    private static String check(Path site, String page, String link, Set<String> rendered, Map<String, Set<String>> ids) {
        if (link.isEmpty()) {
            return "empty link";
        }
        if (LinkRewriter.hasScheme(link)) {
            return null;
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String fragment = hash < 0 ? null : link.substring(hash + 1);
        String target = path.isEmpty() ? page : LinkRewriter.resolve(page, path);
        if (target == null) {
            return "points outside the site";
        }
        if (!Files.isRegularFile(site.resolve(target))) {
            return "no such file in the site";
        }
        if (fragment != null && !fragment.isEmpty() && rendered.contains(target)
                && !ids.computeIfAbsent(target, t -> idsOf(read(site.resolve(t)))).contains(fragment)) {
            return "no heading with the anchor #" + fragment + " in " + target;
        }
        return null;
    }

    private static Set<String> idsOf(String html) {
        Set<String> found = new HashSet<>();
        Matcher id = ID.matcher(html);
        while (id.find()) {
            found.add(id.group(1));
        }
        return found;
    }

    /** Every HTML file under {@code folder} of the site, relative to the site root. */
    static List<String> htmlFiles(Path site, String folder) {
        try (Stream<Path> files = Files.walk(site.resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".html"))
                    .map(f -> site.relativize(f).toString().replace('\\', '/'))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
