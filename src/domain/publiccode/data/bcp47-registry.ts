// Extracts of the IANA language subtag registry used by the reference validator's strict BCP 47
// rule (italia/publiccode-parser-go, validators/bcp47.go): variants and extended language subtags
// with the prefixes they require, and the UN M.49 region codes.

/** Variant subtags and the tags they may follow (an empty list: any tag). */
export const IANA_VARIANTS: Readonly<Record<string, readonly string[]>> = {
  '1606nict': ['frm'], '1694acad': ['fr'], '1901': ['de'], '1959acad': ['be'],
  '1994': ['sl-rozaj', 'sl-rozaj-biske', 'sl-rozaj-njiva', 'sl-rozaj-osojs', 'sl-rozaj-solba'],
  '1996': ['de'], abl1943: ['pt-BR'], akhmimic: ['cop'], akuapem: ['tw'], alalc97: [], aluku: ['djk'],
  anpezo: ['lld'], ao1990: ['pt', 'gl'], aranes: ['oc'], arevela: ['hy'], arevmda: ['hy'], arkaika: ['eo'],
  asante: ['tw'], auvern: ['oc'], baku1926: ['az', 'ba', 'crh', 'kk', 'krc', 'ky', 'sah', 'tk', 'tt', 'uz'],
  balanka: ['blo'], barla: ['kea'], basiceng: ['en'], bauddha: ['sa'], bciav: ['zbl'], bcizbl: ['zbl'],
  biscayan: ['eu'], biske: ['sl-rozaj'], blasl: ['ase', 'sgn-ase'], bohairic: ['cop'], bohoric: ['sl'],
  boont: ['en'], bornholm: ['da'], cisaup: ['oc'], colb1945: ['pt'], cornu: ['en'], creiss: ['oc'],
  dajnko: ['sl'], ekavsk: ['sr', 'sr-Latn', 'sr-Cyrl'], emodeng: ['en'], fascia: ['lld'], fayyumic: ['cop'],
  fodom: ['lld'], fonipa: [], fonkirsh: [], fonnapa: [], fonupa: [], fonxsamp: [], gallo: ['fr'],
  gascon: ['oc'], gherd: ['lld'],
  grclass: ['oc', 'oc-aranes', 'oc-auvern', 'oc-cisaup', 'oc-creiss', 'oc-gascon', 'oc-lemosin', 'oc-lengadoc', 'oc-nicard', 'oc-provenc', 'oc-vivaraup'],
  grital: ['oc', 'oc-cisaup', 'oc-nicard', 'oc-provenc'],
  grmistr: ['oc', 'oc-aranes', 'oc-auvern', 'oc-cisaup', 'oc-creiss', 'oc-gascon', 'oc-lemosin', 'oc-lengadoc', 'oc-nicard', 'oc-provenc', 'oc-vivaraup'],
  hanoi: ['vi'], hepburn: ['ja-Latn'], heploc: ['ja-Latn-hepburn'], hognorsk: ['nn'], hsistemo: ['eo'],
  huett: ['vi'], ijekavsk: ['sr', 'sr-Latn', 'sr-Cyrl'], itihasa: ['sa'], ivanchov: ['bg'], jauer: ['rm'],
  jyutping: ['yue'], kkcor: ['kw'], kleinsch: ['kl', 'kl-tunumiit'], kociewie: ['pl'], kscor: ['kw'],
  laukika: ['sa'], leidentr: ['egy'], lemosin: ['oc'], lengadoc: ['oc'], lipaw: ['sl-rozaj'],
  ltg1929: ['ltg'], ltg2007: ['ltg'], luna1918: ['ru'], lycopol: ['cop'], mdcegyp: ['egy'],
  mdctrans: ['egy'], mesokem: ['cop'], metelko: ['sl'], monoton: ['el'], ndyuka: ['djk'], nedis: ['sl'],
  newfound: ['en-CA'], nicard: ['oc'], njiva: ['sl-rozaj'], nulik: ['vo'], osojs: ['sl-rozaj'],
  oxendict: ['en'], pahawh2: ['mww', 'hnj'], pahawh3: ['mww', 'hnj'], pahawh4: ['mww', 'hnj'],
  pamaka: ['djk'], peano: ['la'], pehoeji: ['nan-Latn'], petr1708: ['ru'], pinyin: ['zh-Latn', 'bo-Latn'],
  polyton: ['el'], provenc: ['oc'], puter: ['rm'], rigik: ['vo'], rozaj: ['sl'], rumgr: ['rm'],
  sahidic: ['cop'], saigon: ['vi'], scotland: ['en'], scouse: ['en'], simple: [], solba: ['sl-rozaj'],
  sotav: ['kea'], spanglis: ['en', 'es'], surmiran: ['rm'], sursilv: ['rm'], sutsilv: ['rm'],
  synnejyl: ['da'], tailo: ['nan-Latn'], tarask: ['be'], tongyong: ['zh-Latn'], tunumiit: ['kl'],
  uccor: ['kw'], ucrcor: ['kw'], ulster: ['sco'], unifon: ['en', 'hup', 'kyh', 'tol', 'yur'],
  vaidika: ['sa'], valbadia: ['lld'], valencia: ['ca'], vallader: ['rm'], vecdruka: ['lv'],
  viennese: ['de'], vivaraup: ['oc'], wadegile: ['zh-Latn'], xsistemo: ['eo'],
}

/** Extended language subtags, each with the primary language it must follow. */
export const IANA_EXTLANGS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ar: 'aao abh abv acm acq acw acx acy adf aeb aec afb ajp apc apd arb arq ars ary arz auz avl ayh ayl ayn ayp bbz pga shu ssh',
    sgn:
      'ads aed aen afg ajs ase asf asp asq asw bfi bfk bog bqn bqy bvl bzs cds csc csd cse csf csg csl csn csq csr ' +
      'doq dse dsl ecs esl esn eso eth fcs fse fsl fss gds ggg gsg gss gus hab haf hds hks hos hps hsh hsl icl iks ' +
      'ils inl ins ise isg isr jcs jhs jls jos jsl jus kgi kvk lbs lls lsg lsl lso lsp lst lsy lws mdl mfs mre msd ' +
      'msr mzc mzg mzy nbs ncs nsi nsl nsp nsr nzs okl pgz pks prl prz psc psd psg psl pso psp psr pys rms rsi rsl ' +
      'rsm sdl sfb sfs sgg sgx slf sls sqs sqx ssp ssr svk swl syy szs tse tsm tsq tss tsy ugn ugy ukl uks vgt vsi ' +
      'vsl vsv wbs xki xml xms yds ygs yhs ysl yss zib zsl',
    ms:
      'bjn btj bve bvu coa dup gsm hji jak jax knn kvb kvr kxd lce lcf liw max meo mfa mfb min mqg msi mui orn ors ' +
      'pel pse tmw tza urk vkk vkt xmm zlm zmi zsm',
    zh: 'cdo cjy cmn cnp cpx csp czh czo gan hak hsn lzh mnp nan wuu',
    lv: 'ltg lvs',
    sw: 'swc swh',
    uz: 'uzn uzs',
  }).flatMap(([prefix, subtags]) => subtags.split(' ').map((subtag) => [subtag, prefix] as const)),
)

/** UN M.49 area codes registered as region subtags. */
export const IANA_M49_REGIONS: ReadonlySet<string> = new Set(
  '001 002 003 005 009 011 013 014 015 017 018 019 021 029 030 034 035 039 053 054 057 061 142 143 145 150 151 154 155 202 419'.split(' '),
)
