package dev.hashi.content.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchAnalyzerTest {

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        try (SearchAnalyzer analyzer = new SearchAnalyzer();
                TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    @Test
    void japaneseRunsBecomeOverlappingBigrams() {
        assertThat(tokens("住民協働の環境モデル都市づくり")).contains("環境", "モデ", "都市");
        assertThat(tokens("「環境」")).containsExactly("環境");
    }

    @Test
    void halfWidthKatakanaAndFullWidthLatinFold() {
        assertThat(tokens("ｶﾀｶﾅ")).isEqualTo(tokens("カタカナ"));
        assertThat(tokens("ＡＢＣ１２３ Partnership")).containsExactly("abc123", "partnership");
    }
}
