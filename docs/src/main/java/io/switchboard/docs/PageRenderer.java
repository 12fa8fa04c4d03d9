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

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders one README to the HTML of its page: GitHub-flavoured tables, headings with the anchors GitHub gives them
 * (so a README's {@code #section} links work on the site too), and every link rewritten for the site.
 */
final class PageRenderer {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final LinkRewriter links;

    PageRenderer(LinkRewriter links) {
        this.links = links;
    }

    /** The rendered body of a page, its title, and the repository files its images need. */
    record Rendered(String title, String body, Set<String> assets) {
    }

    Rendered render(SitePage page, String markdown) {
        Node document = parser.parse(markdown);
        Set<String> assets = new TreeSet<>();
        String[] title = {null};
        Map<Heading, String> anchors = new HashMap<>();
        Map<String, Integer> used = new HashMap<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(rewrite(link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(rewrite(image.getDestination()));
                visitChildren(image);
            }

            @Override
            public void visit(Heading heading) {
                String text = textOf(heading);
                if (title[0] == null && heading.getLevel() == 1) {
                    title[0] = text;
                }
                anchors.put(heading, uniqueAnchor(text, used));
                visitChildren(heading);
            }

            private String rewrite(String destination) {
                LinkRewriter.Rewritten rewritten = links.rewrite(page, destination);
                if (rewritten.assetToCopy() != null) {
                    assets.add(rewritten.assetToCopy());
                }
                return rewritten.destination();
            }
        });
        HtmlRenderer renderer = HtmlRenderer.builder()
                .extensions(EXTENSIONS)
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Heading heading && anchors.containsKey(heading)) {
                        attributes.put("id", anchors.get(heading));
                    }
                })
                .build();
        return new Rendered(title[0] == null ? page.source() : title[0], renderer.render(document), assets);
    }

    /** The plain text of a node's descendants, as GitHub reads a heading to make its anchor. */
    static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    /**
     * GitHub's anchor for a heading: lower case, spaces to hyphens, everything but letters, digits, hyphens and
     * underscores dropped; a repeated heading gets {@code -1}, {@code -2}, ...
     */
    static String anchor(String heading) {
        StringBuilder id = new StringBuilder();
        heading.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                id.appendCodePoint(c);
            } else if (c == ' ') {
                id.append('-');
            }
        });
        return id.toString();
    }

    private static String uniqueAnchor(String heading, Map<String, Integer> used) {
        String base = anchor(heading);
        int seen = used.merge(base, 1, Integer::sum) - 1;
        return seen == 0 ? base : base + "-" + seen;
    }
}
