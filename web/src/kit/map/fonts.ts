// Label fonts. There is no glyphs URL in the style: MapLibre draws glyphs locally with the
// browser's fonts, and these names act as a CSS font-family list (CJK first for zh-CN names).
export const LABEL_FONTS = ['Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];
