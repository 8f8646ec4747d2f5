/**
 * Page furniture: what a captured government page carries besides the document. Every rule is named data with
 * the case that made it necessary; the clean stage applies them and nothing else.
 */

/**
 * Han characters that make a line body text: the page's head (channel names, site banners) ends at the first such
 * line. A reply's own lines run to dozens of characters; a title or a metadata line can, too, which is early enough.
 */
export const BODY_LINE_HAN = 30;

/**
 * Whole lines that are page chrome. Tested against a line with its surrounding white space trimmed. A rule with
 * `headOnly` holds only above the body (BODY_LINE_HAN): what it matches is also a plausible heading in the text.
 */
export const FURNITURE_LINES: readonly { name: string; pattern: RegExp; why: string; headOnly?: boolean }[] = [
  {
    name: 'breadcrumb',
    pattern: /^(您(当前)?的?(所在)?位置|当前位置|所在位置|现在位置)\s*[:：]/,
    why: '您当前的位置: 首页 >> 公开信息内容; 当前位置: 网站首页',
  },
  { name: 'font-size', pattern: /^[【\[]?\s*字[体號号]\s*[:：]?\s*[\[【]?\s*[大中小\s]*[\]】]?\s*[】\]]?$/, why: '字体:[ 大 中 小 ]' },
  {
    name: 'share',
    pattern:
      /(扫一扫.{0,12}(分享|当前页|本页|此页|网页)|^(用?(微信|手机)\s*)?[“"]?扫一扫[”"]?$|^分享到|分享到\s*[:：]|分享给您的微信|点击右上角分享|微信好友或朋友圈|打印本页|关闭窗口|【打印】|【关闭】|\[打印\]|\[关闭\]|收藏本页)/,
    why:
      '用微信“扫一扫”,点击右上角分享按钮, / 即可将网页分享给您的微信好友或朋友圈。 A bare 扫一扫 or 分享到 is not enough: ' +
      '“家长用微信扫一扫即可预约课后服务” and “把好做法分享到全市各校” are content',
  },
  { name: 'view-counter', pattern: /^(浏览|访问|阅读|点击)(量|数|次数)\s*[:：]\s*\d*\s*次?[\s|｜]*$/, why: '瀏覽量:1 | | | | |' },
  { name: 'prev-next', pattern: /^(上一[条篇页]|下一[条篇页]|上一个|下一个|前一篇|后一篇)\s*[:：]/, why: '上一条:扎实推进见实效… / 下一条:…' },
  {
    name: 'site-footer',
    pattern:
      /(ICP备|ICP证|网站标识码|公网安备|版权所有|主办单位\s*[:：]|承办单位\s*[:：]\s*\S+网|技术支持\s*[:：]|网站地图|(^|[|｜丨]\s*)联系我们\s*([|｜丨]|$)|建议使用.*浏览器|分辨率.{0,8}(浏览|访问)|最佳(浏览|显示)效果)/,
    why:
      'footers of government sites: 版权所有, ICP备案, 网站标识码, 建议使用1024×768分辨率浏览; 分辨率 and 联系我们 alone ' +
      'are not enough: “配备高分辨率交互式一体机120台” and “如有疑问请联系我们” are content',
  },
  {
    name: 'channel-name',
    pattern: /^(首页|网站首页|政府信息公开|信息公开|教育新闻|新闻中心|新闻动态|工作动态|通知公告|政务公开|政策文件|政策解读|部门动态|图片新闻|专题专栏)$/,
    why: '政府信息公开 and 教育新闻: channel names left above the title by the capture; below it, 政策解读 or 工作动态 alone on a line is a heading',
    headOnly: true,
  },
  {
    name: 'english-banner',
    pattern: /^[\p{Script=Han}\s]{0,20}(The\s+)?People'?s\s+Government\s+of\b.*$/u,
    why: "开原市人民政府 The People's Government of Kaiyuan Municipality: a site's bilingual name, in its header or footer",
  },
  {
    name: 'english-banner',
    pattern: /^[\p{Script=Han}\s]{0,20}[A-Z][a-z]+(\s+[A-Za-z']+){2,}\s*$/u,
    why: 'a site name with an English one after it (教育局 Education Bureau of …), above the document; below it, such a line may be a heading',
    headOnly: true,
  },
];

/** Pieces inside a line that are page chrome; the rest of the line stays. */
export const FURNITURE_INLINE: readonly { name: string; pattern: RegExp; why: string }[] = [
  { name: 'view-counter', pattern: /(浏览|访问|阅读|点击)(量|数|次数)\s*[:：]\s*\d*\s*次?/g, why: '时间:2021-12-13   浏览数:次   来源:' },
  { name: 'font-size', pattern: /(?:[【\[]\s*)?字[体號号]\s*[:：]\s*[\[【]\s*[大中小\s]*[\]】](?:\s*[】\]])?/g, why: '字体:[ 大 中 小 ] beside a date' },
  {
    name: 'template-placeholder',
    pattern: /(关键词|关键字|關鍵詞|关键词语|标签)\d+/g,
    why: '关键词2 left in the body of one seed by its CMS template',
  },
  {
    name: 'converter-pinyin',
    pattern: /[(（]\s*[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*(\s+[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*)*\s*[)）]/g,
    why: '當(dāng)前: pinyin a converter left in parentheses after a character',
  },
];

/**
 * A stray bullet glyph: a lone Latin letter from a symbol font (Wingdings n ■, u ◆, l ●, q ❑, v ❖, Ø, ü ✓, ð, §)
 * glued to the first Han character of a paragraph, as in `n组织领导强` and `u监督管理硬`.
 */
export const BULLET_GLYPH = /^([nulqvØüð§])(?=\p{Script=Han})/u;

/** Paragraphs a document must start with such a glyph before they count as bullets: a list has two items or more. */
export const MIN_BULLETS = 2;

/** Furniture lines are short; a longer line is content even when it mentions 扫一扫 or 版权所有. */
export const MAX_FURNITURE_LINE = 120;
