// Chinese names for townships, streets, venues and people, drawn deterministically.
import type { VenueCategory } from '@svm/contract/constants';
import type { Random } from './random.ts';

export const SUBDISTRICT_NAMES: readonly (readonly [string, string])[] = [
  ['月湖街道', 'Yuehu'], ['鼓楼街道', 'Gulou'], ['江厦街道', 'Jiangxia'], ['南门街道', 'Nanmen'],
  ['西门街道', 'Ximen'], ['白云街道', 'Baiyun'], ['东柳街道', 'Dongliu'], ['新街街道', 'Xinjie'],
  ['梅墟街道', 'Meixu'], ['石碶街道', 'Shiqi'], ['庄桥街道', 'Zhuangqiao'], ['洪塘街道', 'Hongtang'],
  ['潘火街道', 'Panhuo'], ['福明街道', 'Fuming'], ['明楼街道', 'Minglou'], ['钟公庙街道', 'Zhonggongmiao'],
];
export const TOWN_NAMES: readonly (readonly [string, string])[] = [
  ['古林镇', 'Gulin'], ['横溪镇', 'Hengxi'], ['云龙镇', 'Yunlong'], ['集士港镇', 'Jishigang'],
  ['章水镇', 'Zhangshui'], ['鄞江镇', 'Yinjiang'], ['咸祥镇', 'Xianxiang'], ['姜山镇', 'Jiangshan'],
  ['瞻岐镇', 'Zhanqi'], ['塘溪镇', 'Tangxi'],
];

const STREET_ROOTS = [
  '中山', '解放', '人民', '和平', '建设', '环城', '长春', '兴宁', '百丈', '江东', '民安', '丽园', '望春',
  '机场', '天童', '鄞州', '惊驾', '宁穿', '通途', '世纪', '福明', '桑田', '嵩江', '钱湖', '四明', '宝庆',
  '药行', '开明', '镇明', '柳汀', '永丰', '南塘', '翠柏', '芝兰', '青林', '新典', '海晏', '泰康', '甬港',
  '江南', '前河', '后塘', '中兴', '东胜', '大庆', '北仑', '文昌', '学士', '科技', '创新', '聚贤', '光华',
];

export function streetName(rng: Random, klass: 'arterial' | 'secondary' | 'local', n: number): string {
  const root = STREET_ROOTS[n % STREET_ROOTS.length] ?? '中山';
  const dir = n >= STREET_ROOTS.length ? rng.pick(['东', '西', '南', '北', '中']) : '';
  const suffix = klass === 'arterial' ? rng.pick(['大道', '路']) : klass === 'secondary' ? '路' : rng.pick(['街', '巷', '弄', '路']);
  return `${root}${dir}${suffix}`;
}

const SHOP_PREFIX = [
  '鑫', '旺', '兴', '顺', '福', '金', '佳', '华', '宏', '永', '恒', '盛', '利', '新', '源', '德', '诚', '和', '康', '美',
  '好', '久', '喜', '祥', '瑞', '安', '聚', '达', '博', '锦',
];

const CATEGORY_NOUNS: Record<VenueCategory, readonly string[]> = {
  catering: ['小吃店', '面馆', '快餐店', '饺子馆', '烧烤店', '奶茶店', '早餐店', '砂锅店', '麻辣烫'],
  retail: ['便利店', '超市', '五金店', '服装店', '烟酒店', '水果店', '日杂店', '文具店', '建材店'],
  repair: ['汽修店', '手机维修', '家电维修', '修鞋铺', '开锁店', '电脑维修'],
  ebike: ['电动车行', '电动车维修', '电瓶车充电站', '电动车销售', '电池店'],
  entertainment: ['棋牌室', 'KTV', '网吧', '台球室', '桌游吧', '足浴店'],
  warehouse: ['仓储点', '物流仓库', '快递驿站', '批发仓库'],
  workshop: ['加工坊', '服装加工', '木器作坊', '印刷作坊', '五金加工', '食品作坊'],
  lodging: ['旅馆', '民宿', '招待所', '公寓'],
  training: ['培训中心', '托管班', '舞蹈培训', '书画培训', '驾校报名点'],
  other: ['美容店', '理发店', '洗衣店', '药店', '花店', '照相馆'],
};

export function venueName(rng: Random, category: VenueCategory): string {
  const prefix = rng.pick(SHOP_PREFIX) + rng.pick(SHOP_PREFIX);
  return `${prefix}${rng.pick(CATEGORY_NOUNS[category])}`;
}

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '郑',
  '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '叶',
];
const GIVEN = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞',
  '平', '刚', '桂英', '建华', '志强', '海燕', '国强', '丹', '建国', '晓东', '红梅', '春生', '玉兰', '小龙', '文斌',
];

export function personName(rng: Random): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}
