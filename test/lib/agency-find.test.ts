import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../pipeline/adapters/divisions.js';
import { placeIndexFrom } from '../../pipeline/lib/agency-places.js';
import { findAgencies as findIn } from '../../pipeline/stages/extract-agencies.js';

const places = placeIndexFrom(loadDivisions());
const findAgencies = (text: string) => findIn(text, places);

/** Names of the agencies found in a short text, in order. */
const names = (text: string): string[] => findAgencies(text).map((a) => a.name);
const one = (text: string) => {
  const agencies = findAgencies(text);
  expect(agencies, JSON.stringify(agencies.map((a) => a.name))).toHaveLength(1);
  return agencies[0]!;
};

describe('suffix heads grown over function words and a region', () => {
  it.each([
    ['由区人力资源和社会保障局负责落实。', '区人力资源和社会保障局', 'county'],
    ['省教育厅印发通知。', '省教育厅', 'province'],
    ['岳阳县教育体育局答复如下', '岳阳县教育体育局', 'county'],
    ['湖南省岳阳市岳阳县教育体育局答复', '湖南省岳阳市岳阳县教育体育局', 'county'],
    ['市发展改革委核定收费标准', '市发展改革委', 'city'],
    ['国家市场监督管理总局发文', '国家市场监督管理总局', 'national'],
    ['区公安分局开展排查', '区公安分局', 'county'],
    ['公安机关依法处理', '公安机关', 'unknown'],
    ['充分发挥教育督导部门的作用', '教育督导部门', 'unknown'],
    ['人力资源和社会保障部门要指导落实', '人力资源和社会保障部门', 'unknown'],
    ['内蒙古自治区教育厅部署', '内蒙古自治区教育厅', 'province'],
    ['盟教育局组织遴选', '盟教育局', 'city'],
  ])('%s → %s', (text, name, level) => {
    const agency = one(text);
    expect(agency.name).toBe(name);
    expect(agency.level).toBe(level);
  });

  it('expands abbreviations in the canonical name', () => {
    expect(one('来源:岳阳县教体局').canonical).toBe('岳阳县教育体育局');
    expect(findAgencies('编办、人社部门要保障编制').map((a) => a.name)).toEqual(['编办', '人社部门']);
    expect(findAgencies('人社部门要保障编制')[0]!.canonical).toBe('人力资源和社会保障部门');
    expect(one('市发展改革委核定').canonical).toBe('市发展和改革委员会');
    expect(one('县卫健局牵头').canonical).toBe('县卫生健康局');
    expect(one('县政府统筹').canonical).toBe('县人民政府');
  });

  it('finds ministries and party departments named X部', () => {
    expect(one('贯彻落实教育部部署').level).toBe('national');
    expect(one('州委宣传部牵头').name).toBe('州委宣传部');
    expect(one('宣传部部长主持会议').level).toBe('unknown');
    expect(names('市委组织部、县委宣传部、县委政法委')).toEqual(['市委组织部', '县委宣传部', '县委政法委']);
  });

  it('finds commissions and party committees named X委', () => {
    expect(names('在市教委增设,区教委配合')).toEqual(['市教委', '区教委']);
    expect(one('市委教育工委领导带队').name).toBe('市委教育工委');
    expect(one('市纪委监委开展专项整治').name).toBe('市纪委监委');
    expect(names('在市委、市人民政府的领导下')).toEqual(['市委', '市人民政府']);
    expect(one('中共湖南省委印发').level).toBe('province');
  });

  it('reads a proposer that is a party organisation', () => {
    const agency = one('尊敬的民进楚雄州委:');
    expect(agency.name).toBe('民进楚雄州委');
    expect(agency.level).toBe('city');
  });

  it('attaches offices to the body before them', () => {
    expect(one('教育部办公厅等十七部门印发').name).toBe('教育部办公厅');
    expect(one('国务院办公厅转发').level).toBe('national');
    expect(one('县人民政府办公室转发').name).toBe('县人民政府办公室');
    expect(one('需先向县委、县政府督查室报备').name).toBe('县委、县政府督查室');
    expect(one('县政府教育督导室对学校开展督导').name).toBe('县政府教育督导室');
    expect(one('向局办公室报备').name).toBe('局办公室');
  });
});

describe('governments and councils need a region or tier', () => {
  it.each([
    ['将家庭教育纳入对县、区政府的考核', '县、区政府'],
    ['以各旗县区政府为主导', '旗县区政府'],
    ['压紧压实县级党委政府责任', '县级党委政府'],
    ['乡镇人民政府要履行职责', '乡镇人民政府'],
    ['对县政协十四届四次会议第45号提案的答复', '县政协'],
    ['区十六届人大三次会议第112号建议', '区十六届人大'],
    ['对开原市政协九届三次会议', '开原市政协'],
    ['县人大常委会听取报告', '县人大常委会'],
    ['政协开原市委员会第九届第三次会议', '政协开原市委员会'],
  ])('%s → %s', (text, name) => {
    expect(one(text).name).toBe(name);
  });

  it.each(['各级政府履行教育职责', '政府购买服务', '党委领导、政府统筹', '人大代表、政协委员提出建议', '北京人大附中'])(
    'finds nothing in %s',
    (text) => {
      expect(names(text)).toEqual([]);
    },
  );
});

describe('committees, leading groups, special offices named by their topic', () => {
  it.each([
    ['八部门联合成立校外培训监管领导小组', '校外培训监管领导小组'],
    ['市成立在线家庭教育推进办公室', '在线家庭教育推进办公室'],
    ['成立市区两级“双减”工作专班并集中办公', '“双减”工作专班'],
    ['设立“双减”工作领导小组办公室', '“双减”工作领导小组办公室'],
    ['成立了楚雄市校外培训机构专家委员会', '楚雄市校外培训机构专家委员会'],
    ['组织召开县委教育工作领导小组会议', '县委教育工作领导小组'],
    ['和中共湖南省委教育工作领导小组印发的', '中共湖南省委教育工作领导小组'],
    ['在市教委增设校外培训工作处', '校外培训工作处'],
    ['成立校外培训矛盾纠纷诉前调解中心', '校外培训矛盾纠纷诉前调解中心'],
    ['国务院教育督导委员会办公室印发', '国务院教育督导委员会办公室'],
    ['教育部基础教育司负责同志', '教育部基础教育司'],
    ['县教师发展中心组织培训', '县教师发展中心'],
  ])('%s → %s', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it('takes the level of the body opening the topic', () => {
    expect(one('国务院教育督导委员会办公室印发').level).toBe('national');
    expect(one('组织召开县委教育工作领导小组会议').level).toBe('county');
  });

  it.each([
    '学校成立了以校长为组长的领导小组',
    '不成立工作专班',
    '落实“一企一策一专班”要求',
    '由办公室具体负责统筹',
    '相应成立了家长学校委员会',
    '普遍成立了家长委员会',
    '建立健全家庭教育指导委员会、家长学校、家委会等工作机制',
    '教导处组织同学科教师',
    '县青少年活动中心开放,建立心理健康辅导中心',
    '农村小学做强做优中心校',
    '学校政教处、教务处',
  ])('finds nothing in %s', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('gazetteer, lists and bare function words', () => {
  it('finds well-known bodies by name', () => {
    expect(names('中办、国办印发了意见')).toEqual(['中办', '国办']);
    expect(one('贯彻落实党中央部署').canonical).toBe('中共中央');
    expect(one('我们争取省关工委支持').name).toBe('省关工委');
    expect(names('团县委、县妇联、县残联共同参与')).toEqual(['团县委', '县妇联', '县残联']);
  });

  it('reads the items of a list before 等部门, leaving banks out', () => {
    expect(names('及时与银保监、公安、政法等部门对接')).toEqual(['银保监', '公安', '政法']);
    expect(names('联合教育、金融、公安、银行等部门')).toEqual(['教育', '金融', '公安']);
    expect(names('会同妇联等部门共同推进')).toEqual(['妇联']);
    expect(names('联合市市场监管、公安等部门')).toEqual(['市市场监管', '公安']);
  });

  it('reads a bare function after a region as the department', () => {
    expect(one('所需经费由同级财政负担').name).toBe('同级财政');
    expect(names('将课后服务经费纳入财政预算,地方财政紧张')).toEqual([]);
  });

  it('expands elliptical coordination before 部门', () => {
    const agencies = findAgencies('教育行政与教研部门同向发力');
    expect(agencies.map((a) => a.canonical)).toEqual(['教育行政部门', '教研部门']);
  });

  it('does not list generic references', () => {
    expect(names('各相关部门、有关单位、多部门、职能部门、上级部门、各地各校要按照部署')).toEqual([]);
  });
});

describe('exclusions', () => {
  it.each([
    ['由学校纪检部门进行监督检查', 'a school office'],
    ['学校党委、学校工会、校团委', 'school party and youth bodies'],
    ['统筹北师大、首师大、北京教科院等科研力量', 'universities and institutes'],
    ['中国教育科学研究院教师发展研究所副研究员', 'a research institute'],
    ['华为公司、监管银行', 'companies and banks'],
    ['省委常委、市委书记和市长亲自挂帅', 'people named by their post'],
    ['县教育局长会议', 'a post'],
    ['全部学校、干部队伍、布局调整、委托第三方、不足之处', 'words holding a head character'],
    ['《关于深化新时代教育督导体制机制改革的意见》', 'words inside a cited title after 关于'],
    ['中办发〔2019〕54号', 'an issuer short name inside a document number'],
  ])('%s (%s)', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('drops the pronoun but keeps its tier in the canonical name', () => {
    const agency = one('我市教育局积极推进');
    expect(agency.name).toBe('教育局');
    expect(agency.canonical).toBe('市教育局');
    expect(agency.level).toBe('city');
  });

  it('keeps issuers named before 关于 in a cited title', () => {
    expect(names('《教育部等五部门关于全面加强学生心理健康工作的通知》')).toEqual(['教育部']);
  });
});
