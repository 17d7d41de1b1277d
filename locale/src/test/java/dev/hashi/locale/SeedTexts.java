package dev.hashi.locale;

/** Strings from the 2003 Kitakyushu World Partnership Conference page, plus variants in other forms. */
final class SeedTexts {

    static final String MINAMATA_TITLE = "住民協働の環境モデル都市づくりを目指して~水俣市~";
    static final String SURABAYA_TITLE = "Partnerships on Sustainable Development in Surabaya";
    static final String KITAKYUSHU_INITIATIVE_TITLE = "「クリーンな環境のための北九州イニシアチブ」と自治体間環境協力";
    static final String KITAKYUSHU_KANJI = "北九州";
    static final String KITAKYUSHU_KATAKANA = "キタキュウシュウ";
    static final String KITAKYUSHU_HALF_WIDTH = "ｷﾀｷｭｳｼｭｳ";
    static final String CONFERENCE_DATE_FULL_WIDTH = "２００３年１０月２８日";
    static final String PUCHON_KOREAN = "부천시 시민과 시정부의 협력";

    private SeedTexts() {}
}
