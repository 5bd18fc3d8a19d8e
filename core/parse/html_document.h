// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <gumbo.h>

#include <memory>
#include <utility>

// An HTML5 document as gumbo parses it, for the parse layer's readers of HTML (the
// sanitiser, feed discovery). Internal to core/parse.
namespace broadsheet::core::html {

/// Deepest nesting of elements a document keeps; a start tag deeper than this is left out
/// (its text stays). No story nests this deep, and gumbo's time grows with the square of
/// the open elements, as does the recursion of every walk over its tree.
inline constexpr int kMaxNesting = 256;

/// `utf8` with every start tag that would open an element deeper than `maxDepth` left out,
/// as a light scan of its tags counts depth (void elements, end tags that close, and the
/// elements whose end tags are implied: p, li, td and the rest). Comments, declarations and
/// the text of script, style and the other raw-text elements are passed over whole. Linear
/// in the size; a document with fewer tags than `maxDepth` is returned as it is.
QByteArray boundedNesting(QByteArray utf8, int maxDepth = kMaxNesting);

/// What gumbo is asked: no error list (it copies the stack of open elements into every
/// error, which made a few hundred KB of unclosed tags take gigabytes).
const GumboOptions& gumboOptions();

/// A parsed document with the bytes it was parsed from: gumbo's nodes point into them (an
/// element's original tag), so they live as long as the tree.
class Document {
public:
    explicit Document(QByteArray utf8)
        : m_utf8(boundedNesting(std::move(utf8)))
        , m_output(gumbo_parse_with_options(&gumboOptions(), m_utf8.constData(),
                                            static_cast<size_t>(m_utf8.size())))
    {
    }
    /// The tree's root, or null when gumbo gave nothing.
    const GumboNode* root() const { return m_output ? m_output->root : nullptr; }

private:
    struct Destroy {
        void operator()(GumboOutput* output) const
        {
            gumbo_destroy_output(&gumboOptions(), output);
        }
    };
    QByteArray m_utf8;
    std::unique_ptr<GumboOutput, Destroy> m_output;
};

/// `utf8` parsed as a browser would.
inline Document parse(QByteArray utf8)
{
    return Document(std::move(utf8));
}

/// The attribute `name` of `element`, or null.
inline const char* attribute(const GumboElement& element, const char* name)
{
    const GumboAttribute* found = gumbo_get_attribute(&element.attributes, name);
    return found ? found->value : nullptr;
}

} // namespace broadsheet::core::html
