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

import java.util.List;

/** The frame every page shares: the project's name, the navigation by group, and the page's own content. */
final class SiteLayout {
    private final List<SitePage> pages;
    private final List<NavLink> extraLinks;

    /** A navigation entry that is not a rendered page (the Javadoc), relative to the site root. */
    record NavLink(String section, String title, String target) {
    }

    SiteLayout(List<SitePage> pages, List<NavLink> extraLinks) {
        this.pages = pages;
        this.extraLinks = extraLinks;
    }

    String page(SitePage page, String title, String body, java.util.Map<String, String> titles) {
        StringBuilder nav = new StringBuilder();
        String section = null;
        for (SitePage each : pages) {
            if (!each.section().equals(section)) {
                section = openSection(nav, section, each.section());
                addExtras(nav, section, page);
            }
            nav.append("<li").append(each.equals(page) ? " class=\"current\"" : "").append("><a href=\"")
                    .append(LinkRewriter.relative(page.output(), each.output())).append("\">")
                    .append(escape(titles.get(each.source()))).append("</a></li>\n");
        }
        if (section != null) {
            nav.append("</ul>\n");
        }
        String css = LinkRewriter.relative(page.output(), "site.css");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + " · Switchboard</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + css + "\">\n</head>\n<body>\n"
                + "<nav>\n<p class=\"project\"><a href=\"" + LinkRewriter.relative(page.output(), "index.html")
                + "\">Switchboard</a></p>\n" + nav + "</nav>\n"
                + "<main>\n" + body + "<p class=\"source\">This page is <code>" + escape(page.source())
                + "</code> of the repository.</p>\n</main>\n</body>\n</html>\n";
    }

    private String openSection(StringBuilder nav, String previous, String next) {
        if (previous != null) {
            nav.append("</ul>\n");
        }
        nav.append("<h2>").append(escape(next)).append("</h2>\n<ul>\n");
        return next;
    }

    private void addExtras(StringBuilder nav, String section, SitePage current) {
        for (NavLink link : extraLinks) {
            if (link.section().equals(section)) {
                nav.append("<li><a href=\"").append(LinkRewriter.relative(current.output(), link.target()))
                        .append("\">").append(escape(link.title())).append("</a></li>\n");
            }
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
