// Primary language subtags known to golang.org/x/text/language, which the reference validator uses
// through go-playground/validator. Two-letter codes come with their ISO 639-2 code (null where x/text
// keeps a separate alias table), so that a three-letter alias of a two-letter code can be recognised.
export const TWO_LETTER_LANGUAGES: ReadonlyMap<string, string | null> = new Map([
  ["aa", "aar"], ["ab", "abk"], ["ae", "ave"], ["af", "afr"], ["ak", "aka"], ["am", "amh"],
  ["an", "arg"], ["ar", "ara"], ["as", "asm"], ["av", "ava"], ["ay", "aym"], ["az", "aze"],
  ["ba", "bak"], ["be", "bel"], ["bg", "bul"], ["bh", "bih"], ["bi", "bis"], ["bm", "bam"],
  ["bn", "ben"], ["bo", "bod"], ["br", "bre"], ["bs", "bos"], ["ca", "cat"], ["ce", "che"],
  ["ch", "cha"], ["co", "cos"], ["cr", "cre"], ["cs", "ces"], ["cu", "chu"], ["cv", "chv"],
  ["cy", "cym"], ["da", "dan"], ["de", "deu"], ["dv", "div"], ["dz", "dzo"], ["ee", "ewe"],
  ["el", "ell"], ["en", "eng"], ["eo", "epo"], ["es", null], ["et", "est"], ["eu", "eus"],
  ["fa", "fas"], ["ff", "ful"], ["fi", "fin"], ["fj", "fij"], ["fo", "fao"], ["fr", "fra"],
  ["fy", "fry"], ["ga", "gle"], ["gd", "gla"], ["gl", "glg"], ["gn", "grn"], ["gu", "guj"],
  ["gv", "glv"], ["ha", "hau"], ["he", "heb"], ["hi", "hin"], ["ho", "hmo"], ["hr", "hrv"],
  ["ht", "hat"], ["hu", "hun"], ["hy", "hye"], ["hz", "her"], ["ia", "ina"], ["id", "ind"],
  ["ie", "ile"], ["ig", "ibo"], ["ii", "iii"], ["ik", "ipk"], ["in", "ind"], ["io", "ido"],
  ["is", "isl"], ["it", "ita"], ["iu", "iku"], ["iw", null], ["ja", "jpn"], ["ji", null],
  ["jv", "jav"], ["jw", "jav"], ["ka", "kat"], ["kg", "kon"], ["ki", "kik"], ["kj", "kua"],
  ["kk", "kaz"], ["kl", "kal"], ["km", "khm"], ["kn", "kan"], ["ko", "kor"], ["kr", "kau"],
  ["ks", "kas"], ["ku", "kur"], ["kv", "kom"], ["kw", null], ["ky", "kir"], ["la", "lat"],
  ["lb", "ltz"], ["lg", "lug"], ["li", "lim"], ["ln", "lin"], ["lo", "lao"], ["lt", "lit"],
  ["lu", "lub"], ["lv", "lav"], ["mg", "mlg"], ["mh", "mah"], ["mi", "mri"], ["mk", "mkd"],
  ["ml", "mal"], ["mn", "mon"], ["mo", "mol"], ["mr", "mar"], ["ms", "msa"], ["mt", "mlt"],
  ["my", "mya"], ["na", "nau"], ["nb", "nob"], ["nd", "nde"], ["ne", "nep"], ["ng", "ndo"],
  ["nl", "nld"], ["nn", "nno"], ["no", "nor"], ["nr", "nbl"], ["nv", "nav"], ["ny", "nya"],
  ["oc", "oci"], ["oj", "oji"], ["om", "orm"], ["or", "ori"], ["os", "oss"], ["pa", "pan"],
  ["pi", "pli"], ["pl", "pol"], ["ps", "pus"], ["pt", "por"], ["qu", "que"], ["rm", "roh"],
  ["rn", "run"], ["ro", "ron"], ["ru", "rus"], ["rw", null], ["sa", "san"], ["sc", "srd"],
  ["sd", "snd"], ["se", "sme"], ["sg", "sag"], ["sh", null], ["si", "sin"], ["sk", "slk"],
  ["sl", "slv"], ["sm", "smo"], ["sn", "sna"], ["so", "som"], ["sq", "sqi"], ["sr", "srp"],
  ["ss", "ssw"], ["st", "sot"], ["su", "sun"], ["sv", "swe"], ["sw", "swa"], ["ta", "tam"],
  ["te", "tel"], ["tg", "tgk"], ["th", "tha"], ["ti", "tir"], ["tk", "tuk"], ["tl", "tgl"],
  ["tn", "tsn"], ["to", "ton"], ["tr", "tur"], ["ts", "tso"], ["tt", "tat"], ["tw", "twi"],
  ["ty", "tah"], ["ug", "uig"], ["uk", "ukr"], ["ur", "urd"], ["uz", "uzb"], ["ve", "ven"],
  ["vi", "vie"], ["vo", "vol"], ["wa", "wln"], ["wo", "wol"], ["xh", "xho"], ["yi", "yid"],
  ["yo", "yor"], ["za", "zha"], ["zh", "zho"], ["zu", "zul"],
])

// Three-letter codes x/text indexes (its rarer codes are checked against the ICU data of the runtime).
export const THREE_LETTER_LANGUAGES: ReadonlySet<string> = new Set(
  (
    "aai aak aau abi abq abr abt aby acd ace ach ada ade adj ady adz aeb aey agc agd agg agm ago agq " +
    "aha ahl aho ajg akk ala ali aln alt amm amn amo amp anc ank ann any aoj aom aoz apc apd ape apr " +
    "aps apz arc arh arn aro arq ars ary arz asa ase asg aso ast ata atg atj auy avl avn avt avu awa " +
    "awb awo awx ayb bal ban bap bar bas bav bax bba bbb bbc bbd bbj bbp bbr bcf bch bci bcm bcn bco " +
    "bcq bcu bdd bef beh bej bem bet bew bex bez bfd bfq bft bfy bgc bgn bgx bhb bhg bhi bhk bhl bho " +
    "bhy bib big bik bim bin bio biq bjh bji bjj bjn bjo bjr bjt bjz bkc bkm bkq bku bkv blt bmh bmk " +
    "bmq bmu bng bnm bnp boj bom bon bpy bqc bqi bqp bqv bra brh brx brz bsj bsq bss bst bto btt btv " +
    "bua buc bud bug buk bum buo bus buu bvb bwd bwr bxh bye byn byr bys byv byx bza bze bzf bzh bzw " +
    "can cbj cch ccp ceb cfa cgg chk chm cho chp chr cja cjm cjv ckb ckl cko cky cla cme cmg cop cps " +
    "crh crj crk crl crm crs csb csw ctd dad daf dag dah dak dar dav dbd dbq dcc ddn ded den dga dgh " +
    "dgi dgl dgr dgz dia dje dnj dob doi dop dow dri drs dsb dtm dtp dts dty dua duc dud dug dva dww " +
    "dyo dyu dzg ebu efi egl egy eka eky ema emi enn enq eri esu etr ett etu etx ewo ext faa fab fag " +
    "fai fan ffi ffm fia fil fit flr fmp fod fon for fpe fqs frc frp frr frs fub fud fue fuf fuh fuq " +
    "fur fuv fuy fvr gaa gaf gag gah gaj gam gan gaw gay gba gbf gbm gby gbz gcr gde gdn gdr geb gej " +
    "gel gez gfk ggn ghs gil gim gjk gjn gju gkn gkp glk gmm gmv gnd gng god gof goi gom gon gor gos " +
    "got grb grc grt grw gsw gub guc gud gur guw gux guz gvf gvr gvs gwc gwi gwt gyi hag hak ham haw " +
    "haz hbb hdy hhy hia hif hig hih hil hla hlu hmd hmt hnd hne hnj hnn hno hoc hoj hot hsb hsn hui " +
    "ian iar iba ibb iby ica ich idd idi idu ife igb ige ijj ikk ikt ikw ikx ilo imo inh iou iri iwm " +
    "iws izh izi jab jam jbo jbu jen jgk jgo jib jmc jml jra jut kaa kab kac kad kai kaj kam kao kbd " +
    "kbm kbp kbq kbx kby kcg kck kcl kct kde kdh kdl kdt kea ken kez kfo kfr kfy kge kgf kgp kha khb " +
    "khn khq khs kht khw khz kij kiu kiw kjd kjg kjs kjy kkc kkj kln klq klt klx kmb kmh kmo kms kmu " +
    "kmw knf knp koi kok kol kos koz kpe kpf kpo kpr kpx kqb kqf kqs kqy krc kri krj krl krs kru ksb " +
    "ksd ksf ksh ksj ksr ktb ktm kto kub kud kue kuj kum kun kup kus kvg kvr kvx kwj kwo kxa kxc kxm " +
    "kxp kxw kxz kye kyx kzr lab lad lag lah laj las lbe lbu lbw lcm lcp ldb led lee lem lep leq leu " +
    "lez lgg lia lid lif lig lih lij lis ljp lki lkt lle lln lmn lmo lmp lns lnu loj lok lol lor los " +
    "loz lrc ltg lua luo luy luz lwl lzh lzz mad maf mag mai mak man mas maw maz mbh mbo mbq mbu mbw " +
    "mci mcp mcq mcr mcu mda mde mdf mdh mdj mdr mdx med mee mek men mer met meu mfa mfe mfn mfo mfq " +
    "mgh mgl mgo mgp mgy mhi mhl mif min mis miw mki mkl mkp mkw mle mlp mls mmo mmu mmx mna mnf mni " +
    "mnw moa moe moh mos mox mpp mps mpt mpx mql mrd mrj mro mtc mtf mti mtr mua mul mur mus mva mvn " +
    "mvy mwk mwr mwv mxc mxm myk mym myv myw myx myz mzk mzm mzn mzp mzw mzz nac naf nah nak nan nap " +
    "naq nas nca nce ncf nch nco ncu ndc nds neb new nex nfr nga ngb ngl nhb nhe nhw nif nii nij nin " +
    "niu niy niz njo nkg nko nmg nmz nnf nnh nnk nnm nod noe non nop nou nqo nrb nsk nsn nso nss ntm " +
    "ntr nui nup nus nuv nux nwb nxq nxr nym nyn nzi ogc okr okv ong onn ons opm oro oru osa ota otk " +
    "ozm pag pal pam pap pau pbi pcd pcm pdc pdt ped peo pex pfl phl phn pil pip pka pko pla pms png " +
    "pnn pnt pon ppo pra prd prg pss ptp puu pwa quc qug rai raj rao rcf rej rel res rgn rhg ria rif " +
    "rjs rkt rmf rmo rmt rmu rna rng rob rof roo rro rtm rue rug rwk rwo ryu saf sah saq sas sat sav " +
    "saz sba sbe sbp sck scl scn sco scs sdc sdh sef seh sei ses sga sgs sgw sgz shi shk shn shu sid " +
    "sig sil sim sjr skc skr sks sld sli sll sly sma smi smj smn smp smq sms snc snk snp snx sny sok " +
    "soq sou soy spd spl sps srb srn srr srx ssd ssg ssy stk stq sua sue suk sur sus swb swc swg swp " +
    "swv sxn sxw syl syr szl taj tal tan taq tbc tbd tbf tbg tbo tbw tbz tci tcy tdd tdg tdh ted tem " +
    "teo tet tfi tgc tgo tgu thl thq thr tif tig tik tim tio tiv tkl tkr tkt tlf tlx tly tmh tmy tnh " +
    "tof tog toq tpi tpm tpz tqo tru trv trw tsd tsf tsg tsj tsw ttd tte ttj ttr tts ttt tuh tul tum " +
    "tuq tvd tvl tvu twh twq txg tya tyv tzm ubu udm uga uli umb und unr unx uri urt urw usa utr uvh " +
    "uvl vag vai van vec vep vic viv vls vmf vmw vot vro vun vut wae waj wal wan war wbp wbq wbr wci " +
    "wer wgi whg wib wiu wiv wja wji wls wmo wnc wni wnu wob wos wrs wsk wtm wuu wuv wwa xav xbi xcr " +
    "xes xla xlc xld xmf xmn xmr xna xnr xog xon xpr xrb xsa xsi xsm xsr xwe yam yao yap yas yat yav " +
    "yay yaz yba ybb yby yer ygr ygw yko yle ylg yll yml yon yrb yre yrl yss yua yue yuj yut yuw zag " +
    "zbl zdj zea zgh zhx zia zlm zmi zne zxx zza"
  ).split(" "),
)

// x/text aliases of two-letter codes that are not derivable from the table above.
export const THREE_LETTER_ALIASES: ReadonlyMap<string, string> = new Map([
  ["cor", "kw"], ["hbs", "sh"], ["heb", "iw"], ["kin", "rw"], ["spa", "es"], ["yid", "ji"],
])
