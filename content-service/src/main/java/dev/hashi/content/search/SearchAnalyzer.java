package dev.hashi.content.search;

import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

import com.ibm.icu.text.Normalizer2;

/**
 * The analysis of every searchable value and of every query, in any script: NFKC with case folding first (so
 * full-width {@code ＡＢＣ} is {@code abc} and half-width {@code ｶﾀｶﾅ} is {@code カタカナ}), then ICU word
 * segmentation (UAX #29; CJK left as single characters), then overlapping bigrams of CJK runs, so that
 * {@code 環境} matches inside {@code 環境モデル都市} without a dictionary deciding where Japanese words end.
 */
final class SearchAnalyzer extends Analyzer {

    private static final Normalizer2 FOLD = Normalizer2.getInstance(null, "nfkc_cf", Normalizer2.Mode.COMPOSE);

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new ICUTokenizer(new DefaultICUTokenizerConfig(false, true));
        TokenStream bigrams = new CJKBigramFilter(tokenizer);
        return new TokenStreamComponents(tokenizer, bigrams);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new ICUNormalizer2CharFilter(reader, FOLD);
    }

    @Override
    protected Reader initReaderForNormalization(String fieldName, Reader reader) {
        return new ICUNormalizer2CharFilter(reader, FOLD);
    }
}
