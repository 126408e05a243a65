/**
 * Traditional characters that occur in the prescribed labels and headings, folded to simplified
 * for matching only (mirror sites republish reports in traditional script). One character to
 * one character, so positions in a line do not move; printed text is kept as it was.
 */
const PAIRS =
  '開开請请數数處处計计轉转結结辦办機机關关認认確确訴诉復复複复議议審审維维糾纠護护權权執执詢询項项現现製制補补內内務务過过訪访舉举報报獲获費费規规範范類类業业構构組组織织會会總总體体況况動动態态廢废許许強强罰罚購购採采額额問问題题進进單单縣县區区發发條条們们與与為为無无於于這这個个國国險险穩稳責责從从並并對对經经濟济當当導导專专網网聯联繫系電电話话號号屬属隊队廳厅員员長长門门實实際际應应職职標标準准據据決决產产納纳週周錄录證证書书訟讼紀纪閱阅覽览質质徵征樣样舊旧來来筆笔資资訊讯節节裡里歸归類类衛卫藥药環环傳传戶户鄉乡鎮镇處处縣县黨党廣广東东蘇苏遼辽寧宁豐丰陽阳滿满漢汉戰战愛爱創创稅税財财預预儘尽畫画層层範范屆届週周萬万億亿齊齐濟济陝陕晉晋黃黄潛潜橫横嶺岭灣湾雲云貴贵廈厦閩闽贛赣魯鲁豫豫湘湘鄂鄂蒙蒙疆疆藏藏臺台圍围條条價价買买賣卖變变義义書书樂乐禮礼觀观讓让說说讀读譯译議议護护';

export const TRADITIONAL: Record<string, string> = {};
for (let i = 0; i + 1 < PAIRS.length; i += 2) TRADITIONAL[PAIRS[i]!] = PAIRS[i + 1]!;
