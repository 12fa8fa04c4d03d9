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

/**
 * One page of the site: a Markdown file of the repository and where its HTML goes.
 *
 * @param source  the Markdown file, relative to the repository root with '/' separators (e.g. {@code tck/README.md})
 * @param output  the HTML file, relative to the site root ({@code tck/index.html})
 * @param section the navigation group the page is listed in
 */
record SitePage(String source, String output, String section) {

    /** Where a Markdown file's page goes: a folder's README becomes its {@code index.html}. */
    static String outputOf(String source) {
        if (source.equals("README.md")) {
            return "index.html";
        }
        if (source.endsWith("/README.md")) {
            return source.substring(0, source.length() - "README.md".length()) + "index.html";
        }
        return source.substring(0, source.length() - ".md".length()) + ".html";
    }
}
