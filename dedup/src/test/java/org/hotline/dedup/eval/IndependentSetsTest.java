package org.hotline.dedup.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The independent sets ({@code src/test/resources/eval/independent-a.tsv}, {@code -b.tsv}, {@code
 * -c.tsv}, {@code -d.tsv} to {@code -k.tsv}), written by hand from DOMAIN.md alone by authors who
 * never saw this code, its generator or its sets: Golden Week filings in the three channels'
 * styles, re-filings that paraphrase in another channel, shop signs against registered names,
 * missing amounts, the same person's other grievances at the same merchant, storms with other
 * people's unrelated grievances. Set A is for finding out why a verdict went wrong; set B is for
 * measuring, not for tuning.
 *
 * <p>The bars (duplicate recall 0.90, group recall 0.85) are far from met on them (figures
 * in dedup/EVALUATION.md): what is asserted here is that precision holds and that recall does not
 * fall below the figures of 2026-12-03, a ratchet to raise as the matching improves. The columns
 * are the floors of duplicate precision, duplicate recall, group recall and group precision.
 */
class IndependentSetsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // A and B each lost one re-filing to 合同 naming three grievances (dedup/EVALUATION.md).
    "/eval/independent-a.tsv, 0.98, 0.78, 0.90, 0.99",
    "/eval/independent-b.tsv, 0.98, 0.81, 0.87, 0.99",
    // C's one false duplicate (the same person's cracked table after their sofa) went when the
    // sofa's re-filing found its own original under another spelling (dedup/EVALUATION.md).
    // (0.91 until W and X joined the model's corpus: two of C's kin readings moved, 53 of 59)
    "/eval/independent-c.tsv, 0.98, 0.88, 0.78, 0.99",
    // D: written by a helper from DOMAIN.md alone on 2026-12-03, scored once (group recall 0.25),
    // then used to find the storm spellings typed by ear; no longer held out.
    "/eval/independent-d.tsv, 0.98, 0.66, 0.64, 0.96",
    // E: written by another helper the same way, held out until the sounds change was fixed, then
    // scored once before (group recall 0.36, precision 1.0) and after it.
    // 2026-12-06 (thirty-second session): a tour's forced shopping read as forced_trade, no longer
    // as dignity, puts E00274 (鹭游国旅) in a group of its own before 鹭游旅行社's group reaches it
    // (the names share no key): one re-filing more, two group pairs fewer, none false.
    "/eval/independent-e.tsv, 0.98, 0.74, 0.55, 0.96",
    // F: written by a third helper the same way (Spring Festival 2027), scored once held out on
    // 2026-12-03 (group precision 0.888, recall 0.368: shops of a like name in another district
    // joined storms), then used to find that rule; no longer held out.
    "/eval/independent-f.tsv, 0.98, 0.71, 0.61, 0.99",
    // G: written by a fourth helper the same way (Labour Day 2027), scored once held out on
    // 2026-12-03 with the code before set F's changes (group precision 0.829, recall 0.390) and
    // after them (0.893, 0.370); its misses then showed the well-known places; no longer held out.
    "/eval/independent-g.tsv, 0.98, 0.64, 0.72, 0.98",
    // H: written by a fifth helper the same way (Golden Week 2027), scored once held out on
    // 2026-12-03 before and after the same-purchase bar (the same figures both times).
    "/eval/independent-h.tsv, 0.98, 0.78, 0.83, 0.99",
    // I: written by a sixth helper the same way (Spring Festival 2026), scored once held out on
    // 2026-12-03 at the session's start (group precision 0.965, recall 0.617) and after each change
    // of that session (0.959, 0.626 each time); then its unread filings showed cues; no longer
    // held out.
    "/eval/independent-i.tsv, 0.98, 0.80, 0.68, 0.95",
    // J: written by a seventh helper the same way (Mid-Autumn and National Day 2026), scored once
    // held out at the seventh session's start (duplicates 1.0 / 0.578, groups 0.929 / 0.475) and
    // at its end (1.0 / 0.578, 0.936 / 0.532); no longer held out.
    "/eval/independent-j.tsv, 0.98, 0.66, 0.61, 0.93",
    // 2026-12-06: the same known grievance with no amounts lowers the re-filing bar by 4, not 2
    // (Matcher.GRIEVANCE_BONUS): G, H, I, J one or two re-filings more each, none false.
    // Then one_matter for prepaid (a closed shop holding one person's balance): A, B, H, J one
    // more.
    // K: written by an eighth helper on 2026-12-06 (Golden Week and after, 203 records, posted to a
    // running gateway by its own script), scored once held out at the thirty-second session's
    // start: duplicates 1.0 / 0.846, groups 1.0 / 0.873, grievances 176 of 203.
    // Then the plain words its misses showed (回家称, 报价, 待揽收, 停工, 不消费不让离开, 拒收现金, 三无,
    // 水票, …; dedup/EVALUATION.md), narrowed after a review: duplicates 1.0 / 0.949, groups
    // 1.0 / 0.966, grievances 192; D's and J's group recall up with them (0.491, 0.584).
    // 2026-12-07 (the model reads every text): K00009 and K00007, one caller's father's diabetes
    // "cure" bought at 康宁大药房, told the same way twice a day apart but labelled two matters, are
    // now read as one grievance and taken for a re-filing (precision 0.974, floor 0.97).
    "/eval/independent-k.tsv, 0.97, 0.95, 0.94, 0.99",
    // L: written by a ninth helper on 2026-12-06 (Dragon Boat 2026, 215 records, posted to a
    // running
    // gateway by its own script), scored once held out at the thirty-third session's start:
    // duplicates 1.0 / 0.638, groups 1.0 / 0.582, grievances 164 of 215.
    // Then the everyday words its misreads showed (a price quoted and another charged, 景区价, 节日加价,
    // 拒绝更换, 未按时交付, 自己称, 身份证照片, …; dedup/EVALUATION.md), none of any set's right readings
    // lost: duplicates 1.0 / 0.723, groups 0.997 / 0.677, grievances 195; no longer held out.
    // Then the register's trade words (餐饮, 小吃, 食品, 文化发展) stripped from names while three
    // characters are left (a review: two-character cores such as 台湾, 闽南, 海峡 are shared by
    // unrelated trades): L's group pairs 385 -> 415, E +12, F +24, no precision lost.
    "/eval/independent-l.tsv, 0.98, 0.76, 0.84, 0.98",
    // M: written by a tenth helper on 2026-12-06 (New Year 2026, 218 records with 13 inquiries,
    // reports and suggestions, which the gateway keeps out of dedup and this file leaves out),
    // posted to a gateway of the thirty-third session's last code and scored once held out:
    // duplicates 1.0 / 0.571, groups 1.0 / 0.321, grievances 138 of 205 complaints.
    // Then the everyday words of its unread storms (无法核销, 没开船, 身体不适, 不付不让走, 卷钱跑, 要票,
    // …): duplicates 1.0 / 0.619, groups 1.0 / 0.508, grievances 164; J +10 group pairs (one
    // false), G one re-filing fewer (a haircut held till paid now forced trade, its re-filing
    // price); no longer held out.
    // (0.67 until U and V joined the model's corpus: one of M's re-filings read otherwise, 28 of
    // 42)
    "/eval/independent-m.tsv, 0.98, 0.65, 0.51, 0.99",
    // 2026-12-06 (thirty-fourth session): the same known grievance with no amounts lowers the
    // re-filing bar by 7 while the facts' dates do not lie apart (Matcher.GRIEVANCE_BONUS; 4 when
    // they do): A +2, B, K, M +1 re-filings, committed set +8, none false anywhere.
    // N: written by an eleventh helper on 2026-12-06 (November 2026, 11.11 and after: 219 filings,
    // 204 complaints here, with 20 hard negatives: the same person's other grievance at one shop,
    // the same person's same grievance at two shops, like names of two shops), posted to a gateway
    // of b5f062a (the thirty-fourth session's start) and scored once held out: duplicates 1.0 /
    // 0.733, groups 1.0 / 0.575 over non-duplicate complaints (84 of 146 pairs), grievances 173 of
    // 192. Then used once to reject a rule (dedup/EVALUATION.md); nothing was tuned to it.
    "/eval/independent-n.tsv, 0.98, 0.84, 0.67, 0.99",
    // Then a brand with another word for its trade (Trades: 启航英语 and 启航教育培训学校, 海韵私房菜 and
    // 海韵酒楼; two specific words of one trade, 金鹭英语 and 金鹭美术, stay two shops) joins the storm:
    // group recall B 0.81 -> 0.87, C 0.73 -> 0.77, D 0.51 -> 0.55, E 0.51 -> 0.55, H 0.81 -> 0.84,
    // L 0.73 -> 0.83, M 0.51 -> 0.54, N 0.59 -> 0.70, the committed set 0.904 -> 0.917, no pair
    // false
    // that was not; E's one false member (鹭友国旅 beside 鹭游旅行社, a sound-alike brand) now pairs
    // with two more of the storm it joined, hence its floor 0.97.
    // Then the everyday words of N's unread filings (跑绒, 开线, 破损 at the cleaner's, 配错, 先提价,
    // 批号, 再也没来, 信息卖了, 肖像, 绕路, …), none of any set's right readings lost: N's
    // duplicates 0.733 -> 0.867, grievances 175 -> 191 of 204; I one re-filing more.
    // O: written by a twelfth helper on 2026-12-06 (summer holidays 2026: 220 filings, 205
    // complaints here, 20 hard negatives), posted to a gateway of 9a3127d and scored over HTTP:
    // duplicates 1.0 / 0.630, groups 1.0 / 0.759, grievances 148 of 205, queues 172 of 191, 0 wrong
    // districts. Held out while this session's later changes were made, then scored once with
    // them (5166191): duplicates 1.0 / 0.630, groups 1.0 / 0.800 (here, a duplicate in its
    // original's group: 0.772 -> 0.817), grievances 149, queues 177 of 191, 0 wrong districts.
    // Then the everyday words of its misreads (算钱变成, 结账按, 市场价才, 腹痛, 噪音大, 当众, 翻新件, 非原厂,
    // 里程表, 概不退; 小票上 neutral): O grievances 149 -> 160, duplicates 0.652, groups 0.854; J one
    // re-filing more, F one fewer (a ticket agent's "说好抢不到全退", labelled contract, now unread).
    // Then a re-filing with neither grievance read, under a name that contains the other's, judged
    // by the index's own rule on its words and facts: I and O one re-filing more each, none false.
    // Then two kin grievances (合同's three: contract, not performed, prepaid) judged as if one were
    // unread for a person's re-filing: the committed set, C, I, J one re-filing more each, none
    // false (and set P, held out then, two).
    // P: written by a thirteenth helper on 2026-12-06 (March-April 2026, 3.15 and Qingming: 220
    // filings, 205 complaints here, 20 hard negatives), posted to a gateway of 5166191 and scored
    // once over HTTP: duplicates 1.0 / 0.674, groups 0.938 / 0.643, grievances 157 of 193, queues
    // 164 of 174 (the ten others storm members sent to their group's district, which the author
    // labelled triage), 0 wrong districts. Then seen: its gym coach's wage claim showed that a
    // transfer joined a group (the gateway no longer lets it: seven of the false pairs here, which
    // this library-level evaluation, without routing, still counts), and its misses the kin rule.
    "/eval/independent-p.tsv, 0.98, 0.71, 0.63, 0.91",
    // Q: written by a fourteenth helper on 2026-12-06 (late August to early October 2025, the
    // school term and Mid-Autumn with its 博饼: 227 filings, 209 complaints here, 20 hard
    // negatives), posted to a gateway of 6455288 (every change of the thirty-fourth session but
    // the last metric) and scored once held out over HTTP: duplicates 1.0 / 0.638, groups 1.0 /
    // 0.648, grievances 162 of 197, queues 167 of 168, 0 wrong districts; its two wage claims
    // against storm merchants (transfers) joined no group there. This evaluation, without routing,
    // still counts one of them in a group (five false pairs), hence the precision floor.
    "/eval/independent-q.tsv, 0.98, 0.63, 0.70, 0.94",
    "/eval/independent-o.tsv, 0.98, 0.67, 0.89, 0.99",
    // 2026-12-07 (thirty-fifth session): a naive Bayes model of the hand-written sets' words reads
    // the texts whose cues find too little evidence (GrievanceModel), each set read by a model
    // trained without it (EvalRecord.classifierFor): re-filings A–Q 599 -> 615 of 807, none false;
    // group pairs 4,498 -> 4,590, false ones 49 -> 50. Floors raised where the sets gained; I's
    // group recall falls 0.682 -> 0.667 (I00125, "听涛餐厅" with no address, is now read as price, a
    // grievance bound to one site, and a storm member under another spelling of a site-bound shop
    // needs its district).
    // Then a filing by ID number alone is known by the phone a re-filing gave with it
    // (IdentityLinks): E, F, Q one re-filing more each, none false; set R's two people grouped
    // with their own first filings no longer are.
    // R: written by a fifteenth helper on 2026-12-07 (the Spring Festival of 2026, with Taiwanese
    // visitors' filings, some in traditional characters: 220 filings, 205 complaints here), posted
    // to a gateway of 51af4cc and scored once held out over HTTP: duplicates 1.0 / 0.630, groups
    // 0.986 / 0.496, grievances 150 of 193, queues 148 of 165, 0 wrong districts, nine complaints
    // refused (Taiwan phone numbers). With the grievance model (R not in its corpus): duplicates
    // 0.652, grievances 154. Then the phones from abroad and the tied identities it showed:
    // duplicates 0.696, grievances 157, queues 154, none refused. Its false group pair here is
    // 阿明海鲜大排档 (曾厝垵) and 阿鸣海鲜排档 (沙坡尾), two people at two stalls whose names sound alike.
    // With R in the model's corpus, C's model reads one re-filing otherwise: C 0.932 -> 0.915.
    // Then the name in brackets after a description of the shop (中山路一茶叶店（茶香居）, the form R's
    // call-centre filings used): R 32 -> 36 re-filings, 90 -> 101 group pairs; L one re-filing and
    // 16 group pairs more; none false.
    "/eval/independent-r.tsv, 0.98, 0.80, 0.59, 0.96",
    // Then the cues and the model read together where the cues' evidence is thin (one phrase of
    // weight 3 or less) or tied, a tie the category field breaks going to its class
    // (GrievanceClassifier.CLEAR until 2026-12-07; every text since): A–R re-filings 654 -> 663,
    // none false (A, K, O, P, Q one fewer
    // each, others more); group pairs 4,707 -> 4,846, false 53 -> 62 (D's D00129, a cancellation
    // fee at a travel agency read as the forced shopping of its storm); grievances 5,420 -> 5,509
    // of 5,985 right, as many wrong.
    // S: written by a sixteenth helper on 2026-12-07 (ordinary weeks of November–December 2025:
    // renovation, used cars, health products sold to the elderly, phones, pets, tickets; 221
    // filings, 205 complaints here), posted to a gateway of 1192f4e and scored once held out over
    // HTTP: duplicates 1.0 / 0.822, groups 1.0 / 0.373, grievances 157 of 193, queues 147 of 166,
    // 2 wrong districts (transfers the content named); with the described shop names and the cues
    // and model read together (3ab4713), still held out: duplicates 0.822, groups 1.0 / 0.423,
    // grievances 166, queues 149. Then its misses: a phone-only filing tied to an ID number,
    // jurisdiction keywords; and its texts in the model's corpus.
    // Since the model, each set is read by a model trained on all the others, so adding a set
    // moves every other set's readings by a text or two: the recall floors leave 0.02 of room.
    "/eval/independent-s.tsv, 0.98, 0.84, 0.42, 0.90",
    // T: written by a seventeenth helper on 2026-12-07 (April–June 2025 with Labour Day and Dragon
    // Boat; 223 filings, 208 complaints here), scored held out over HTTP with the session's first
    // code (51af4cc: duplicates 1.0 / 0.688, groups 1.0 / 0.343, grievances 162 of 196) and its
    // verdict code (731e745: 1.0 / 0.771, 1.0 / 0.433, 176); then seen (its storms' card dates).
    // (group recall 0.45 until U and V joined the model's corpus: two members read otherwise, 68
    // pairs of 152 against 72)
    "/eval/independent-t.tsv, 0.98, 0.75, 0.43, 0.99",
    // U: written by an eighteenth helper on 2026-12-07 (September–October 2026 with Mid-Autumn and
    // the National Day week; 220 filings, 205 complaints here), scored held out over HTTP at
    // f046a35 (duplicates 0.963 / 0.578, groups 0.991 / 0.828, grievances 180 of 193) and with the
    // session's first change (8f76c8d: 0.964 / 0.600); then seen (two stalls of one market).
    // 2026-12-07, the model reading every text: two re-filings and five group pairs fewer (0.578,
    // 0.789); A–AI +29 re-filings and +175 group pairs in all.
    "/eval/independent-u.tsv, 0.98, 0.57, 0.78, 0.99",
    // V: written by a nineteenth helper on 2026-12-07 (January–March 2025 with the Spring Festival;
    // 220 filings, 205 complaints here), scored held out over HTTP at f046a35 and at 8f76c8d alike
    // (duplicates 1.0 / 0.733, groups 0.986 / 0.514, grievances 177 of 193). Its one false group
    // pairs here are two taxi drivers and a gym's coach claiming wages, whom the gateway sends to
    // transfer, outside any group (this evaluation does not route): the more of the gym's storm
    // joins, the more pairs the coach's claim makes.
    "/eval/independent-v.tsv, 0.98, 0.71, 0.54, 0.92",
    // W: written by a twentieth helper on 2026-12-07 (April–June 2026, Labour Day and Dragon Boat;
    // 220 filings, 205 complaints here), scored held out over HTTP at f046a35 (duplicates 0.974 /
    // 0.822: a person's second fruit stall in 八市 taken for the first; groups 1.0 / 0.739) and at
    // f8aca9b, this session's verdict code, before it was seen (1.0 / 0.822, 1.0 / 0.739).
    "/eval/independent-w.tsv, 0.98, 0.82, 0.67, 0.99",
    // X: written by a twenty-first helper on 2026-12-07 (July–August 2025, summer and typhoons;
    // 223 filings, 208 complaints here), scored held out over HTTP at f046a35 and f8aca9b alike
    // (duplicates 1.0 / 0.511, groups 1.0 / 0.414, grievances 174 of 196); then seen (a ticket's
    // unit price read as what was paid).
    "/eval/independent-x.tsv, 0.98, 0.51, 0.39, 0.99",
    // Y: written by a twenty-second helper on 2026-12-07 (Qingming and May Day 2025; 220 filings,
    // 205 complaints here), scored held out over HTTP at f046a35 and at 4cbb12e alike (duplicates
    // 0.971 / 0.733: one caller's two tea stalls in 五显镇, bracketed names after 五显镇茶摊, one key;
    // groups 1.0 / 0.535); then seen (that key mended).
    "/eval/independent-y.tsv, 0.98, 0.71, 0.55, 0.99",
    // Z: written by a twenty-third helper on 2026-12-07 (late November 2025 to mid-January 2026;
    // 220 filings, 205 complaints here), scored held out over HTTP at f046a35 (0.971 / 0.756: a
    // person's second stall in 八市 taken for the first) and at 4cbb12e, the session's verdict code
    // before Z was seen (1.0 / 0.800; groups 1.0 / 0.717 both). Its false group pairs here are with
    // members the gateway sends to transfer.
    "/eval/independent-z.tsv, 0.98, 0.78, 0.70, 0.94",
    // AA: written by a twenty-fourth helper on 2026-12-07 (late May to June 2025, Dragon Boat and
    // 618; 221 filings, 206 complaints here), scored held out over HTTP at de0f13e (duplicates 1.0
    // /
    // 0.848, groups 1.0 / 0.771, grievances 187 of 194); then seen (a registered name's trade words
    // of the register). Its false group pairs here are a wage claim the gateway sends to transfer.
    "/eval/independent-aa.tsv, 0.98, 0.86, 0.83, 0.94",
    // AC: written by a twenty-sixth helper on 2026-12-07 (July to mid-August 2026, half the filings
    // by phone, many naming no shop; 220 filings, 205 complaints here), scored held out over HTTP
    // at
    // de0f13e (duplicates 1.0 / 0.756, groups 0.983 / 0.397: storms whose members' dates of the
    // facts are weeks apart, or whose grievance was read three ways); then seen (nameless
    // re-filings in the named filing's district). Its false group pairs here are a wage claim the
    // gateway sends to transfer and one gym's name in two districts.
    "/eval/independent-ac.tsv, 0.98, 0.80, 0.37, 0.88",
    // AB: written by a twenty-fifth helper on 2026-12-07 (mid-October to November 2025, Double-11,
    // renovation, health-product seminars; 217 filings, 202 complaints here), scored held out over
    // HTTP at de0f13e (duplicates 1.0 / 0.745, groups 1.0 / 0.444, grievances 170 of 190) and here
    // at 94c2496, the session's code before it was seen (1.0 / 0.745, groups 0.915 / 0.420: the
    // same); then seen (a renovation's storm, paid for weeks apart: undated grievances). Its false
    // group pairs here are with a wage claim the gateway sends to transfer.
    "/eval/independent-ab.tsv, 0.98, 0.74, 0.42, 0.91",
    // AD, AE, AF: written by a twenty-seventh, twenty-eighth and twenty-ninth helper on 2026-12-07
    // (AD February to mid-March 2026 with the Spring Festival; AE September 2026 with Mid-Autumn;
    // AF March–April 2025 with 3.15 and Qingming; 201–205 complaints each here), scored held out
    // over HTTP at 78c8aa4, this session's verdict code (duplicates 1.0 / 0.800, 0.787, 0.783;
    // groups 1.0 / 0.535, 0.329, 0.304), and here at de0f13e, the session's start, and 78c8aa4:
    // groups AD 0.506 -> 0.573 (its one false pair gone), AE 0.295 -> 0.345, AF 0.317 both;
    // duplicates the same. Then seen (a restaurant's New Year's Eve bookings, paid for from
    // December
    // to February: far-dated undated filings that share a few words). AE's false group pairs here
    // are with a wage claim the gateway sends to transfer. AE's and AF's group floors lowered by
    // 0.03
    // and 0.01 when sets AG, AH and AI joined the grievance model's corpus (kin readings moved).
    // 2026-12-07, the model reading every text: AD one re-filing fewer (0.778); AE's wage claim
    // (AE0186, a transfer in the gateway) read as prepaid joins its storm here (0.895).
    "/eval/independent-ad.tsv, 0.98, 0.77, 0.57, 0.99",
    "/eval/independent-ae.tsv, 0.98, 0.78, 0.31, 0.89",
    "/eval/independent-af.tsv, 0.98, 0.80, 0.30, 0.99",
    // AG, AH, AI: written by a thirtieth, thirty-first and thirty-second helper on 2026-12-07 (AG
    // October to mid-November 2026, older consumers; AH May–June 2026, cars; AI August to mid-
    // September 2025, online platforms; 205–206 complaints each here), scored held out over HTTP at
    // 904ea5d (duplicates 1.0 / 0.689, 0.571, 0.870; groups 1.0 / 0.615, 0.513, 0.372) and here at
    // de0f13e, the session's start, and 8f46805 (duplicates AG 0.711 -> 0.689: one read as forced
    // trade once the model's corpus grew; groups AG 0.643 -> 0.655, AH 0.503 -> 0.531, AI 0.409
    // both).
    "/eval/independent-ag.tsv, 0.98, 0.68, 0.65, 0.99",
    "/eval/independent-ah.tsv, 0.98, 0.57, 0.53, 0.99",
    // 2026-12-07, the model reading every text: AI one re-filing and five group pairs fewer (0.848,
    // 0.371).
    "/eval/independent-ai.tsv, 0.98, 0.84, 0.37, 0.99",
    // AJ, AK, AL: written by a thirty-third, thirty-fourth and thirty-fifth helper on 2026-12-07
    // (AJ December 2025 to mid-January 2026, weddings and New Year's Eve; AK mid-April to May
    // 2026, tourism; AL late January to March 2025, services; 206–207 complaints each here),
    // scored held out over HTTP at d5288bb (duplicates 1.0 / 0.826, 0.478, 0.756; groups 1.0 /
    // 0.462, 0.971 / 0.243, 1.0 / 0.385) and at the thirty-eighth session's head (1.0 / 0.935,
    // 0.761, 0.733; groups 1.0 / 0.503, 0.976 / 0.286, 1.0 / 0.348): a description's kind, the
    // model reading every text, a described storm member. AL's false pairs here are a coach's
    // wage claim (AL0101) the gateway transfers. Then a review's probes: a description re-files the
    // named shop of its kind only with the same day or amount, and a described storm member no
    // longer joins the storm of its district's shop of that kind (AJ 0.935 -> 0.870, groups 0.529
    // ->
    // 0.483; AK 0.783 -> 0.630). Then a description a day off needs a re-filing's words (set AR's
    // false duplicate): AJ 0.870 -> 0.848.
    "/eval/independent-aj.tsv, 0.98, 0.84, 0.48, 0.99",
    // AK 0.630 -> 0.609 when AP, AQ and AR joined the grievance model's corpus (readings moved).
    "/eval/independent-ak.tsv, 0.98, 0.60, 0.33, 0.98",
    "/eval/independent-al.tsv, 0.98, 0.73, 0.34, 0.89",
    // AM, AN, AO: written by a thirty-sixth, thirty-seventh and thirty-eighth helper on 2026-12-07
    // (AM November 2026, Double-11; AN July to mid-August 2025, summer; AO March–April 2026, mostly
    // by phone; 205–206 complaints each here), scored held out over HTTP at 1b7781d and, here and
    // over HTTP, at d5288bb (the session's start) and 8c86731 (after the review): duplicates 1.0 /
    // 0.844 -> 0.867, 0.622 -> 0.667, 0.804 both; groups 1.0 / 0.511 -> 0.541, 1.0 / 0.422 both,
    // 0.981 / 0.598 -> 0.991 / 0.632.
    // AM 0.590 -> 0.571 when AS, AT and AU joined the grievance model's corpus (readings moved),
    // 0.564 when a registered name with no address was placed by its code's bureau for the storm's
    // spellings: its 鑫创 storm, split between a sign's key and a live stream's, gained its
    // registered member on the other piece.
    "/eval/independent-am.tsv, 0.98, 0.86, 0.56, 0.99",
    // AN 0.667 -> 0.644 (one re-filing) and AV's group precision 0.975 -> 0.958 once sets AY to BA
    // joined the grievance model's corpus (forty-first session): readings of other texts moved.
    "/eval/independent-an.tsv, 0.98, 0.64, 0.45, 0.99",
    "/eval/independent-ao.tsv, 0.98, 0.80, 0.62, 0.99",
    // AP, AQ, AR: written by a thirty-ninth, fortieth and forty-first helper on 2026-12-07 (AP
    // Golden Week 2026; AQ late October to early December 2026; AR May–June 2025, the exam season;
    // 205 complaints each here), scored held out over HTTP at d8dbabf, after every rule of the
    // session: duplicates 1.0 / 0.705, 1.0 / 0.933, 0.972 / 0.778 (AR's one false duplicate, a
    // caller's second hotel, mended: 2fef3bf); groups 1.0 / 0.606, 0.910 / 0.493, 1.0 / 0.592. AQ's
    // false pairs here: 鲜丰超市 (马巷) and 鲜丰源超市 (新店), two shops one spelling apart in one district
    // (left: the township is not in the key), and a coach's wage claim the gateway transfers.
    "/eval/independent-ap.tsv, 0.98, 0.70, 0.58, 0.99",
    "/eval/independent-aq.tsv, 0.98, 0.93, 0.43, 0.91",
    "/eval/independent-ar.tsv, 0.98, 0.77, 0.58, 0.99",
    // AS, AT, AU: written by a forty-second, forty-third and forty-fourth helper on 2026-12-07 (AS
    // mid-December 2025 to January 2026, New Year; AT late April to May 2026, May Day tourism; AU
    // late October to early December 2026, Double-11 and after; 193–197 complaints each here),
    // scored held out over HTTP at e73f25f (the thirty-eighth session's end) and at e56ab4b (a
    // described brand, a registered name's sign in its text): duplicates 1.0 / 0.833, 0.745, 0.826
    // both times; groups (stored links read back) 0.971 / 0.544, 1.0 / 0.401 both times, AU 0.969 /
    // 0.406 -> 0.975 / 0.503. AS's false pairs: dead clams read as short weight beside a seafood
    // stall's storm. AT 0.486 -> 0.514 when an undated grievance's group took members for 21 days
    // (the 悦颜美容 salon's members filed over three weeks).
    "/eval/independent-as.tsv, 0.98, 0.83, 0.57, 0.96",
    "/eval/independent-at.tsv, 0.98, 0.76, 0.51, 0.99",
    "/eval/independent-au.tsv, 0.98, 0.82, 0.56, 0.96",
    // AV, AW, AX: written by a forty-fifth, forty-sixth and forty-seventh helper on 2026-12-07 (AV
    // late January to February 2026, Spring Festival; AW July and August 2026, summer; AX
    // mid-September to mid-October 2026, Mid-Autumn and National Day; 194–203 filings each),
    // scored held out over HTTP at d7aeb19 by their authors (first filings; dedup/EVALUATION.md),
    // then 12345's described merchants keyed by the sign their text gives; in the grievance model's
    // corpus since (each read here by a model without it). AX's false pairs: two branches of one
    // hotel chain, one storm each, merged (0.758 -> 1.0 once a service not performed and fakes are
    // bound to one site and a name's trailing branch place places the shop).
    // AV's group precision 0.949 since its storm's two groups under two spellings were made one
    // (+16 pairs): a beautician's wage claim read as a prepaid card had joined the smaller one.
    "/eval/independent-av.tsv, 0.98, 0.81, 0.44, 0.94",
    "/eval/independent-aw.tsv, 0.98, 0.71, 0.51, 0.88",
    "/eval/independent-ax.tsv, 0.98, 0.75, 0.62, 0.99",
    // AY, AZ, BA: written by a forty-eighth, forty-ninth and fiftieth helper on 2026-12-07 (AY
    // December 2025 to January 2026, Double-12 and New Year, many online shops; AZ late March to
    // mid-May 2026, Qingming and May Day tourists; BA June to early July 2026, Dragon Boat, 618,
    // graduation; 195–199 filings each), scored held out over HTTP at 1bf891c by their authors
    // (dedup/EVALUATION.md). BA's 12345 orders gave no merchant field at all (20 of 199, refused
    // with 400 until a complaint's merchant could be empty); their texts' descriptions now join
    // the one storm of their kind in their district. AY's false pairs: two branches of one gym
    // chain, each closing with prepaid cards a fortnight apart (prepaid stays chain-wide).
    "/eval/independent-ay.tsv, 0.98, 0.95, 0.76, 0.85",
    "/eval/independent-az.tsv, 0.98, 0.86, 0.82, 0.99",
    "/eval/independent-ba.tsv, 0.98, 0.98, 0.93, 0.99",
    // BB, BC, BD: written by a fifty-first, fifty-second and fifty-third helper on 2026-12-07 (BB
    // July and August 2026, summer: Gulangyu, 曾厝垵, children's classes, air-conditioners, milk tea
    // delivered; BC September to mid-October 2026, term start, Mid-Autumn and Golden Week tourists;
    // BD late October to November 2026, Double-11, livestreams, renovations, closing schools;
    // 200–207 filings each), scored held out over HTTP at 026df81 by their authors
    // (dedup/EVALUATION.md). Many of their misses are a re-filing read as another grievance than
    // its first filing (the stress moved from the price to the staff's manner) and storms split
    // between a brand and a registered name or a platform store. Floors raised once follow-ups
    // were re-filings and price and weights a practice (forty-second session). BD's duplicate floor
    // 0.85 since sets BH to BJ joined the grievance model's corpus (one re-filing read as another
    // grievance).
    "/eval/independent-bb.tsv, 0.98, 0.95, 0.72, 0.99",
    "/eval/independent-bc.tsv, 0.98, 0.83, 0.85, 0.99",
    "/eval/independent-bd.tsv, 0.98, 0.85, 0.72, 0.99",
    // BE, BF, BG: written by a fifty-fourth, fifty-fifth and fifty-sixth helper in the forty-third
    // session (BE January and February 2026, New Year and the Spring Festival, terse call-centre
    // lines; BF March and April 2026, 3·15 and Qingming, platform shops without an address; BG May
    // and June 2026, Labour Day and Dragon Boat, a quarter 12345 work orders; 196–200 filings
    // each), scored held out over HTTP at fc81770 by their authors (dedup/EVALUATION.md). BF's
    // storms split between a platform shop's name and its company's, and stretch over six weeks.
    // BG's one false pair here is a closed gym's coach claiming wages, whom the gateway transfers
    // to 人社 outside any group.
    "/eval/independent-be.tsv, 0.98, 0.95, 0.87, 0.99",
    "/eval/independent-bf.tsv, 0.98, 0.95, 0.80, 0.99",
    "/eval/independent-bg.tsv, 0.98, 0.92, 0.95, 0.95",
    // BH, BI, BJ: written by a fifty-seventh, fifty-eighth and fifty-ninth helper in the
    // forty-third session (BH late September to October 2025, Golden Week, storms placing the
    // shop in varied ways; BI November and December 2025, Double-11, a shop's sign beside its
    // registered name; BJ mid-June to August 2025, summer, traps; 196–211 filings each), scored
    // held out over HTTP at 2c3186e by their authors (dedup/EVALUATION.md). BI's storms split
    // between a sign and a registered name that share nothing (暖冬严选, 厦门暖域服饰有限公司).
    "/eval/independent-bh.tsv, 0.98, 0.97, 0.98, 0.99",
    "/eval/independent-bi.tsv, 0.98, 0.85, 0.84, 0.99",
    "/eval/independent-bj.tsv, 0.98, 0.89, 0.77, 0.99",
    // BK, BL, BM: written by a sixtieth, sixty-first and sixty-second helper in the forty-fourth
    // session (BK July and August 2026, summer, a fifth 12345 orders, a brand beside its company's
    // name; BL September and October 2026, Mid-Autumn and Golden Week, shops named many ways; BM
    // November 2026, Double-11, terse call-centre lines, storms' members without an address;
    // 200–212 filings each), scored held out over HTTP at becd233 by their authors
    // (dedup/EVALUATION.md). BK's missed re-filings are mostly one matter read as two grievances.
    // BF's and BI's group floors raised once one storm's two groups were made one (forty-fourth
    // session).
    "/eval/independent-bk.tsv, 0.98, 0.84, 0.76, 0.99",
    "/eval/independent-bl.tsv, 0.98, 0.95, 0.89, 0.99",
    "/eval/independent-bm.tsv, 0.98, 0.91, 0.88, 0.99",
    // BN, BO, BP: written by a sixty-third, sixty-fourth and sixty-fifth helper in the
    // forty-fourth session (BN January and February 2025, the Spring Festival, storms' members who
    // describe the shop; BO March to May 2025, 3·15 and May Day, a sign beside its company's name
    // and amounts that change; BP late November to early December 2026, a quarter 12345 orders
    // restating earlier filings; 180–201 filings each), scored held out over HTTP at becd233 and
    // at 5d67f13 by their authors (dedup/EVALUATION.md). BP's false pairs here: a person's price
    // complaint at a closed gym read as its prepaid storm's grievance, and a school's teacher
    // claiming wages (transferred by the gateway outside any group).
    "/eval/independent-bn.tsv, 0.98, 0.90, 0.84, 0.99",
    "/eval/independent-bo.tsv, 0.98, 0.95, 0.88, 0.99",
    "/eval/independent-bp.tsv, 0.98, 0.95, 0.89, 0.92",
    // BQ, BR, BS: written by a sixty-sixth, sixty-seventh and sixty-eighth helper in the
    // forty-fifth session (BQ late September to October 2026, Golden Week's tourists at homestays,
    // seafood stalls and tour shops named by landmarks and by ear; BR late January to early March
    // 2026, the Spring Festival's prepaid closures and New Year food gifts, amounts paid in beside
    // what is left; BS mid-April to June 2025, live-stream and platform shops beside their
    // registered companies, compensation claimed; 191–198 filings each), scored held out over HTTP
    // at a6eef06 by their authors (dedup/EVALUATION.md). BQ's and BR's false pairs: filings whose
    // grievance was misread (a lost power bank read as the homestay's overbooking; a paid order
    // never shipped among a gift box's short weights).
    // BR's and BS's duplicate floors raised once a prepaid balance's amounts and a compensation
    // claimed no longer parted re-filings, and a follow-up through a channel was read.
    "/eval/independent-bq.tsv, 0.98, 0.95, 0.89, 0.95",
    "/eval/independent-br.tsv, 0.98, 0.89, 0.71, 0.95",
    "/eval/independent-bs.tsv, 0.98, 0.91, 0.67, 0.99",
    // BT, BU, BV: written by a sixty-ninth, seventieth and seventy-first helper later in the
    // forty-fifth session (BT December 2025 to January 2026, Double-12 and New Year, re-filings
    // that change the amount; BU July and August 2025, summer storms of many spellings, names
    // written by ear; BV March and April 2026, 3·15 and Qingming, a third 12345 work orders;
    // 192–205 filings each), scored held out over HTTP at 9c224f4 by their authors
    // (dedup/EVALUATION.md).
    "/eval/independent-bt.tsv, 0.98, 0.96, 0.93, 0.99",
    "/eval/independent-bu.tsv, 0.98, 0.95, 0.77, 0.99",
    "/eval/independent-bv.tsv, 0.98, 0.96, 0.85, 0.99",
  })
  void precisionHoldsAndRecallDoesNotFall(
      String set,
      double duplicatePrecision,
      double duplicateRecall,
      double groupRecall,
      double groupPrecision)
      throws Exception {
    List<EvalRecord> records = EvalRecord.load(set);
    EvalMetrics m = EvaluationTest.evaluate(records);
    System.out.printf(
        "%s: %d records%n%s%n%s%n", set, records.size(), m, EvaluationTest.grievances(records));
    assertThat(m.duplicatePrecision())
        .as("duplicate precision")
        .isGreaterThanOrEqualTo(duplicatePrecision);
    assertThat(m.merges).as("duplicates across complainants").isZero();
    assertThat(m.clusterPrecision()).as("group precision").isGreaterThanOrEqualTo(groupPrecision);
    assertThat(m.duplicateRecall()).as("duplicate recall").isGreaterThanOrEqualTo(duplicateRecall);
    assertThat(m.clusterRecall()).as("group recall").isGreaterThanOrEqualTo(groupRecall);
  }
}
