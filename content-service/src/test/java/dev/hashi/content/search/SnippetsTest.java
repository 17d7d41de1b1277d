package dev.hashi.content.search;

import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTest {

    private final Snippets snippets = new Snippets(new SearchAnalyzer());

    private Snippets.Snippet snippet(String value, String... terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String term : terms) {
            query.add(new TermQuery(new Term("body", term)), BooleanClause.Occur.MUST);
        }
        return snippets.of("body", query.build(), value);
    }

    @Test
    void markupInValuesIsEscapedAndOnlyMatchesAreMarked() {
        Snippets.Snippet snippet = snippet("<script>alert('x')</script> Kitakyushu & \"partners\"", "kitakyushu");
        assertThat(snippet.html())
                .isEqualTo(
                        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <mark>Kitakyushu</mark> &amp; &quot;partners&quot;");
        assertThat(snippet.marks()).containsExactly(new SearchHit.Mark(28, 38));
    }

    @Test
    void overlappingBigramsBecomeOneMarkOnTheOriginalText() {
        Snippets.Snippet snippet = snippet("住民協働の環境モデル都市づくり", "環境", "境モ", "モデ", "デル");
        assertThat(snippet.marks()).containsExactly(new SearchHit.Mark(5, 10));
        assertThat(snippet.html()).isEqualTo("住民協働の<mark>環境モデル</mark>都市づくり");
    }

    @Test
    void halfWidthTextIsMarkedAtItsOwnOffsets() {
        Snippets.Snippet snippet =
                snippet("講座 ｶﾀｶﾅ 入門", SearchAnalyzerTest.tokens("カタカナ").toArray(String[]::new));
        assertThat(snippet.marks()).containsExactly(new SearchHit.Mark(3, 7));
        assertThat(List.of(snippet.text())).containsExactly("講座 ｶﾀｶﾅ 入門");
    }
}
