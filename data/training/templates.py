"""Hand-written event templates, one block per three-digit CAMEO code (written for geopol, not copied).

Syntax, one template per line under ``@CODE``:
  {S} / {T}        source / target actor; {S:civ} restricts the actor kind (gov mil pol civ grp igo ngo)
  [past|base]      the main event verb: past form for asserted, base form for future/negated/hypothetical
  {AID} {ISSUE} ... fillers from the pools in generate.py
``@000`` blocks are hard negatives: sentences with actors but no codable event.
"""

TEMPLATES = r"""
@010
{S} [said|say] on {DAY} that the situation along the border with {T} remained calm
{S} [told|tell] reporters that talks with {T} on {ISSUE} were continuing
{S} [issued|issue] a statement on {ISSUE} after meeting officials from {T}
"The door remains open," {S} [said|say] of relations with {T}
{S} [commented|comment] on the latest developments in {T} during a press briefing
In a televised address, {S} [spoke|speak] about {ISSUE} and the role of {T}
{S} [noted|note] that the position of {T} on {ISSUE} had not changed
@011
{S} [declined|decline] to comment on reports that {T} had moved troops to the border
{S} [refused|refuse] to say whether it had held contacts with {T}
Asked about {ISSUE}, {S} [declined|decline] to comment on the role of {T}
{S} [would not be drawn|be drawn] on the dispute with {T}, saying only that the matter was under review
A spokesman for {S} [declined|decline] comment on the allegations made by {T}
{S} [gave|give] no comment when asked about {T}'s latest proposal
@012
{S} [expressed|express] pessimism about the prospects of talks with {T}
{S} [warned|warn] that the situation with {T} was likely to get worse before it got better
{S} [said|say] it saw little hope of a breakthrough with {T} on {ISSUE}
{S} [voiced|voice] doubts that {T} would honour its commitments on {ISSUE}
"I am not optimistic," {S} [said|say] of the negotiations with {T}
{S} [described|describe] relations with {T} as being at their lowest point in decades
@013
{S} [expressed|express] optimism that a deal with {T} on {ISSUE} was within reach
{S} [said|say] it was hopeful that relations with {T} would improve soon
"We are closer than ever," {S} [said|say] of the talks with {T}
{S} [voiced|voice] confidence that the dispute with {T} would be resolved
{S} [predicted|predict] a breakthrough in negotiations with {T} before the end of the year
{S} [struck|strike] an upbeat tone about ties with {T} after the meeting
@014
{S} [said|say] it was considering a request from {T} for {AID}
{S} [weighed|weigh] options for responding to {T} over {ISSUE}
{S} [was reviewing|be reviewing] its policy toward {T} following the elections
{S} [studied|study] a proposal from {T} to reopen talks on {ISSUE}
{S} [was examining|be examining] whether to extend the agreement with {T}
{S} [set up|set up] a committee to consider possible measures against {T}
@015
{S} [claimed|claim] responsibility for the attack on {T} in {PLACE}
{S} [acknowledged|acknowledge] that its forces had fired on {T} by mistake
{S} [admitted|admit] responsibility for the shelling of {T} positions near {PLACE}
{S} [took|take] responsibility for the explosion that damaged a {T} building
In an online statement, {S} [said|say] it had carried out the raid against {T}
{S} [accepted|accept] responsibility for the leak of documents about {T}
@016
{S} [denied|deny] responsibility for the attack on {T} in {PLACE}
{S} [rejected|reject] claims that it was behind the bombing that killed {T} officials
{S} [denied|deny] any involvement in the sabotage of {T} pipelines
{S} [insisted|insist] it had played no role in the killing of a {T} official
{S} [dismissed|dismiss] accusations by {T} that it had supplied weapons to rebels
{S} [disclaimed|disclaim] responsibility for the cyberattack on {T}
@017
{S} [laid|lay] a wreath at the memorial to {T} war dead
{S} [lowered|lower] flags to half-mast in honour of the victims in {T}
{S} [held|hold] a minute of silence for the victims of the disaster in {T}
{S} [lit|light] candles outside the {T} embassy in a symbolic gesture of solidarity
{S} [planted|plant] a tree of friendship with {T} during the ceremony
{S} [renamed|rename] a street in honour of {T} in a symbolic act
@018
{S} [expressed|express] condolences to {T} after the earthquake
{S} [offered|offer] sympathy to {T} over the deaths of {NUM} miners
{S} [sent|send] a message of condolence to {T} after the deadly floods
{S} [said|say] its thoughts were with the people of {T} after the bombing
{S} [conveyed|convey] sympathy to the families of the victims in {T}
{S} [mourned|mourn] with {T} after the ferry disaster, calling it a tragedy
@019
{S} [said|say] it shared the views of {T} on {ISSUE}
{S} [expressed|express] agreement with {T} on the need to tackle {ISSUE}
{S} and {T} [found|find] common ground on {ISSUE}, according to a joint statement
{S} [agreed|agree] with {T} that {ISSUE} required urgent attention
{S} [said|say] its position on {ISSUE} was identical to that of {T}
{S} [echoed|echo] the assessment of {T} on {ISSUE}
@020
{S} [appealed|appeal] to {T} for help in dealing with {ISSUE}
{S} [asked|ask] {T} to reconsider its position on {ISSUE}
{S} [urged|urge] {T} to act on {ISSUE}
{S} [called|call] on {T} to respond to its proposals
{S} [made|make] a formal request to {T} concerning {ISSUE}
{S} [pleaded|plead] with {T} to take action on {ISSUE}
@021
{S} [asked|ask] {T} to expand trade and investment
{S} [called|call] on {T} to join a joint venture to develop {GOODS}
{S} [urged|urge] {T} to increase economic cooperation
{S} [appealed|appeal] to {T} for joint military exercises
{S} [requested|request] closer security cooperation with {T}
{S} [asked|ask] {T} to share intelligence on {ISSUE}
@022
{S} [urged|urge] {T} to support its bid for a seat on the Security Council
{S} [asked|ask] {T} to back its resolution at the United Nations
{S} [called|call] on {T} to recognise its government
{S} [appealed|appeal] to {T} for diplomatic backing on {ISSUE}
{S} [sought|seek] the political support of {T} ahead of the summit
{S} [lobbied|lobby] {T} to endorse its candidate for the post
@023
{S} [appealed|appeal] to {T} for {AID}
{S} [asked|ask] {T} for {AID} after the floods
{S} [called|call] on {T} to send {AID} to the stricken region
{S} [requested|request] {AID} from {T}
{S} [sought|seek] emergency loans from {T} to shore up its currency
{S} [made|make] an urgent appeal to {T} for food and medicine
@024
{S} [urged|urge] {T} to hold free and fair elections
{S} [called|call] on {T} to respect human rights and release political prisoners
{S} [appealed|appeal] to {T} to reform its judiciary
{S} [asked|ask] {T} to lift restrictions on the press
{S} [pressed|press] {T} to tackle corruption and strengthen democratic institutions
{S} [urged|urge] {T} to change its constitution to allow multiparty politics
@025
{S} [urged|urge] {T} to withdraw its troops from {PLACE}
{S} [called|call] on {T} to step down
{S} [appealed|appeal] to {T} to lift the blockade of {PLACE}
{S} [asked|ask] {T} to release the detained journalists
{S} [called|call] on {T} to halt its offensive in {PLACE}
{S} [urged|urge] {T} to ease sanctions on {GOODS}
@026
{S} [urged|urge] {T} to return to the negotiating table
{S} [called|call] on {T} to hold talks on {ISSUE}
{S} [appealed|appeal] to {T} to meet and discuss {ISSUE}
{S} [invited|invite] {T} to resume negotiations on {ISSUE}
{S} [asked|ask] {T} to start a dialogue with the opposition
{S} [pressed|press] {T} to agree to a summit meeting
@027
{S} [urged|urge] {T} to settle the border dispute peacefully
{S} [called|call] on {T} to resolve the conflict over {PLACE} through dialogue
{S} [appealed|appeal] to {T} to reach a settlement on {ISSUE}
{S} [asked|ask] {T} to end the dispute over fishing rights
{S} [urged|urge] {T} to find a peaceful solution to the crisis in {PLACE}
@028
{S} [urged|urge] {T} to accept mediation by {IGO}
{S} [called|call] on {T} to allow international mediators to help end the conflict
{S} [appealed|appeal] to {T} to accept an offer of mediation
{S} [asked|ask] {T} to take part in talks brokered by {IGO}
{S} [pressed|press] {T} to submit the dispute to international arbitration
@030
{S} [expressed|express] its readiness to cooperate with {T}
{S} [said|say] it intended to work closely with {T} on {ISSUE}
{S} [pledged|pledge] to strengthen cooperation with {T}
{S} [vowed|vow] to deepen ties with {T}
{S} [declared|declare] its willingness to cooperate with {T} on {ISSUE}
@031
{S} [pledged|pledge] to increase trade with {T}
{S} [said|say] it planned to invest in {GOODS} projects in {T}
{S} [offered|offer] to hold joint military exercises with {T}
{S} [expressed|express] interest in building a railway with {T}
{S} [promised|promise] to open its market to {GOODS} from {T}
{S} [signalled|signal] it would share intelligence with {T}
@032
{S} [promised|promise] to back {T}'s bid to join {IGO}
{S} [said|say] it would support the candidacy of {T} for the post
{S} [pledged|pledge] diplomatic support for {T} on {ISSUE}
{S} [indicated|indicate] it would recognise the new government of {T}
{S} [offered|offer] to vote for the resolution sponsored by {T}
@033
{S} [pledged|pledge] {AID} to {T}
{S} [promised|promise] to send {AID} to {T}
{S} [offered|offer] {AID} to {T} after the disaster
{S} [said|say] it would provide {AID} to {T}
{S} [vowed|vow] to help {T} rebuild after the war
{S} [committed|commit] to deliver {AID} to {T} next year
@034
{S} [promised|promise] {T} to hold elections next year
{S} [pledged|pledge] to reform the judiciary, in a concession to {T}
{S} [vowed|vow] to release political prisoners, as demanded by {T}
{S} [announced|announce] plans to draft a new constitution, meeting a demand by {T}
{S} [said|say] it would lift curbs on the media, responding to pressure from {T}
@035
{S} [offered|offer] to withdraw its troops from {PLACE}, a key demand of {T}
{S} [said|say] it was ready to ease restrictions imposed on {T}
{S} [signalled|signal] it would release prisoners held from {T}
{S} [indicated|indicate] it might lift the blockade on {T}
{S} [pledged|pledge] to return the seized vessels to {T}
@036
{S} [said|say] it was ready to meet {T} for talks
{S} [expressed|express] willingness to negotiate with {T} on {ISSUE}
{S} [offered|offer] to hold talks with {T}
{S} [agreed|agree] to meet {T} next month in {CITY}
{S} [accepted|accept] an invitation from {T} to visit {CITY}
{S} [proposed|propose] a summit with {T} to discuss {ISSUE}
@037
{S} [said|say] it was willing to settle the dispute with {T}
{S} [offered|offer] to resolve the border conflict with {T} through negotiations
{S} [expressed|express] readiness to reach a settlement with {T} over {PLACE}
{S} [pledged|pledge] to work toward a peaceful resolution of the conflict with {T}
{S} [proposed|propose] a framework to end the dispute with {T}
@038
{S} [said|say] it would accept mediation by {T}
{S} [agreed|agree] to let {T} mediate in the dispute
{S} [welcomed|welcome] an offer by {T} to mediate and said it would take part
{S} [expressed|express] readiness to accept {T} as a mediator
@039
{S} [offered|offer] to mediate between {T} and its neighbours
{S} [proposed|propose] to act as a mediator in the conflict involving {T}
{S} [said|say] it was ready to broker talks between {T} and the rebels
{S} [volunteered|volunteer] to host peace talks on the conflict in {T}
@040
{S} [held|hold] consultations with {T} on {ISSUE}
{S} [consulted|consult] {T} on {ISSUE}
{S} [met|meet] with {T} to discuss {ISSUE}
{S} and {T} [discussed|discuss] {ISSUE} at a meeting in {CITY}
{S} [conferred|confer] with {T} about {ISSUE}
{S} [held|hold] talks with {T} on the sidelines of the summit
@041
{S} [spoke|speak] by telephone with {T} about {ISSUE}
{S} [phoned|phone] {T} to discuss {ISSUE}
{S} [held|hold] a telephone conversation with {T}
{S} [called|call] {T} on the phone to discuss the crisis
{S} [had|have] a phone call with {T} on {ISSUE}
{S} and {T} [spoke|speak] by phone about {ISSUE}
@042
{S} [visited|visit] {T}
{S} [arrived|arrive] in {T} on an official visit
{S} [travelled|travel] to {T} for talks on {ISSUE}
{S} [paid|pay] a state visit to {T}
{S} [flew|fly] to {T} for a two-day visit
{S} [made|make] a trip to {T}, the first such visit in a decade
@043
{S} [hosted|host] {T} in {CITY}
{S} [welcomed|welcome] {T} on an official visit
{S} [received|receive] {T} at the presidential palace
{S} [played|play] host to {T} for talks on {ISSUE}
{T} [was welcomed|be welcomed] by {S} in {CITY}
{S} [greeted|greet] {T} at the airport at the start of a state visit
@044
{S} [met|meet] {T} in {CITY3}
{S} and {T} [held|hold] talks in {CITY3}
{S} [met|meet] {T} on neutral ground in {CITY3}
{S} [sat|sit] down with {T} in {CITY3} on the sidelines of a conference
{S} and {T} [gathered|gather] in {CITY3} for a meeting on {ISSUE}
@045
{S} [mediated|mediate] between {T} and its rivals
{S} [brokered|broker] talks between {T} and the rebels
{S} [acted|act] as a go-between in negotiations involving {T}
{S} [mediated|mediate] in the dispute between {T} and its neighbour
{S} [hosted|host] mediated talks to end the conflict in {T}
@046
{S} [negotiated|negotiate] with {T} over {ISSUE}
{S} and {T} [held|hold] a new round of negotiations on {ISSUE}
{S} [opened|open] negotiations with {T} on {ISSUE}
{S} [resumed|resume] peace talks with {T}
{S} [bargained|bargain] with {T} over the terms of the deal
{S} and {T} [entered|enter] a third day of talks on {ISSUE}
@050
{S} [established|establish] diplomatic cooperation with {T}
{S} and {T} [coordinated|coordinate] their positions at the United Nations
{S} [worked|work] with {T} to draft a common diplomatic position
{S} [joined|join] {T} in a diplomatic initiative on {ISSUE}
{S} and {T} [issued|issue] a joint declaration on {ISSUE}
@051
{S} [praised|praise] {T} for its handling of {ISSUE}
{S} [commended|commend] {T} on the peaceful elections
{S} [hailed|hail] the efforts of {T} to end the conflict
{S} [endorsed|endorse] {T}'s plan for {ISSUE}
{S} [applauded|applaud] {T} for releasing the prisoners
{S} [lauded|laud] the leadership of {T}
@052
{S} [defended|defend] {T} against criticism over {ISSUE}
{S} [spoke|speak] out in defence of {T}
{S} [rejected|reject] criticism of {T}, saying it had acted lawfully
{S} [stood|stand] by {T} amid the uproar over {ISSUE}
{S} [came|come] to the defence of {T} at the United Nations
@053
{S} [rallied|rally] support for {T} among its allies
{S} [campaigned|campaign] on behalf of {T} at the summit
{S} [lobbied|lobby] other governments to back {T}
{S} [mobilised|mobilise] international support for {T}
{S} [gathered|gather] signatures in support of {T}
@054
{S} [recognised|recognise] {T} as an independent state
{S} [granted|grant] diplomatic recognition to {T}
{S} [established|establish] diplomatic relations with {T}
{S} [restored|restore] full diplomatic ties with {T}
{S} [formally recognised|formally recognise] the government of {T}
{S} [opened|open] an embassy in {T}
@055
{S} [apologised|apologise] to {T} for {ISSUE}
{S} [issued|issue] a formal apology to {T}
{S} [said|say] it was sorry for the deaths of {T} citizens
{S} [expressed|express] regret to {T} over the incident
{S} [offered|offer] an apology to {T} for wartime abuses
@056
{S} [forgave|forgive] {T} for the wartime atrocities
{S} [pardoned|pardon] {T} in a gesture of reconciliation
{S} [said|say] it had forgiven {T} and was ready to move on
{S} [accepted|accept] the apology of {T}
{S} [absolved|absolve] {T} of blame for the incident
@057
{S} [signed|sign] an agreement with {T} on {ISSUE}
{S} and {T} [signed|sign] a treaty on {ISSUE}
{S} [concluded|conclude] a trade deal with {T}
{S} [ratified|ratify] the accord with {T}
{S} and {T} [signed|sign] a memorandum of understanding on {GOODS}
{S} [inked|ink] a defence pact with {T}
{S} [reached|reach] a formal agreement with {T} on {ISSUE}
@060
{S} [cooperated|cooperate] with {T} on {ISSUE}
{S} and {T} [launched|launch] a joint project on {GOODS}
{S} [worked|work] together with {T} to build a new port
{S} [teamed|team] up with {T} to develop {GOODS}
{S} and {T} [began|begin] joint work on the border crossing
@061
{S} [expanded|expand] trade with {T}
{S} [opened|open] its market to {GOODS} from {T}
{S} [invested|invest] heavily in {T}'s {GOODS} sector
{S} and {T} [launched|launch] a joint economic zone
{S} [lifted|lift] tariffs on {GOODS} imported from {T}
{S} and {T} [cooperated|cooperate] on building a {GOODS} pipeline
@062
{S} [held|hold] joint military exercises with {T}
{S} and {T} [conducted|conduct] joint naval drills near {PLACE}
{S} [trained|train] {T} troops
{S} [cooperated|cooperate] militarily with {T}
{S} and {T} [staged|stage] joint air force drills
{S} [sent|send] military instructors to train the army of {T}
@063
{S} [extradited|extradite] a suspect to {T}
{S} [handed|hand] over a fugitive to {T}
{S} [cooperated|cooperate] with {T} in the investigation of {ISSUE}
{S} and {T} [signed|sign] a judicial cooperation pact and exchanged case files
{S} [transferred|transfer] a wanted man to {T} to stand trial
@064
{S} [shared|share] intelligence with {T} on {ISSUE}
{S} [passed|pass] information to {T} about the plot
{S} [gave|give] {T} intelligence on militant movements
{S} and {T} [exchanged|exchange] intelligence on {ISSUE}
{S} [provided|provide] {T} with satellite imagery of the border area
@070
{S} [provided|provide] assistance to {T}
{S} [gave|give] aid to {T}
{S} [sent|send] help to {T}
{S} [delivered|deliver] a package of assistance to {T}
{S} [extended|extend] support to {T} after the crisis
@071
{S} [provided|provide] {T} with a {MONEY} loan
{S} [gave|give] {T} {MONEY} in economic aid
{S} [granted|grant] {T} financial assistance worth {MONEY}
{S} [approved|approve] a {MONEY} bailout for {T}
{S} [wrote|write] off {MONEY} of {T}'s debt
{S} [transferred|transfer] budget support of {MONEY} to {T}
@072
{S} [supplied|supply] {T} with {WEAPON}
{S} [sent|send] {WEAPON} to {T}
{S} [delivered|deliver] {WEAPON} to {T}
{S} [provided|provide] military aid worth {MONEY} to {T}
{S} [shipped|ship] ammunition and {WEAPON} to {T}
{S} [armed|arm] {T} with {WEAPON}
@073
{S} [sent|send] humanitarian aid to {T}
{S} [delivered|deliver] food and medicine to {T}
{S} [flew|fly] relief supplies to {T}
{S} [provided|provide] tents and blankets to refugees in {T}
{S} [dispatched|dispatch] medical teams to {T} after the earthquake
{S} [distributed|distribute] emergency food aid in {T}
@074
{S} [deployed|deploy] peacekeepers to {T}
{S} [sent|send] troops to protect {T}
{S} [provided|provide] military protection to {T}
{S} [stationed|station] peacekeeping forces in {T}
{S} [extended|extend] its security umbrella to {T}
{S} [sent|send] warships to escort {T} tankers through the strait
@075
{S} [granted|grant] asylum to {T}
{S} [gave|give] political asylum to {T}
{S} [offered|offer] refuge to dissidents fleeing {T}
{S} [admitted|admit] refugees from {T}
{S} [sheltered|shelter] {T} in its embassy
@080
{S} [yielded|yield] to pressure from {T}
{S} [gave|give] in to the demands of {T}
{S} [backed|back] down in its dispute with {T}
{S} [made|make] concessions to {T}
{S} [bowed|bow] to {T} and dropped its objections
@081
{S} [eased|ease] restrictions on {T}
{S} [lifted|lift] the curfew imposed on {T}
{S} [relaxed|relax] visa rules for citizens of {T}
{S} [ended|end] the state of emergency, easing pressure on {T}
{S} [lifted|lift] a travel ban on {T}
@082
{S} [called|call] off its protests against {T}
{S} [ended|end] its boycott of {T}'s parliament
{S} [halted|halt] demonstrations against {T}
{S} [suspended|suspend] the general strike against {T}
{S} [agreed|agree] to stop its campaign of civil disobedience against {T}
@083
{S} [agreed|agree] to hold elections, as demanded by {T}
{S} [accepted|accept] demands from {T} for constitutional reform
{S} [released|release] political prisoners in response to {T}
{S} [allowed|allow] opposition parties to register, meeting a demand of {T}
{S} [legalised|legalise] independent trade unions after pressure from {T}
@084
{S} [released|release] {NUM} prisoners from {T}
{S} [freed|free] {T} hostages
{S} [returned|return] the seized ship to {T}
{S} [handed|hand] back the captured soldiers to {T}
{S} [released|release] a detained {T} journalist
{S} [returned|return] looted artefacts to {T}
@085
{S} [lifted|lift] sanctions on {T}
{S} [eased|ease] the economic embargo against {T}
{S} [ended|end] its trade boycott of {T}
{S} [removed|remove] {T} from its sanctions list
{S} [relaxed|relax] restrictions on {GOODS} exports to {T}
@086
{S} [allowed|allow] {T} to monitor the elections
{S} [let|let] {T} inspectors into its nuclear facilities
{S} [admitted|admit] {T} observers to the conflict zone
{S} [opened|open] its borders to {T} aid workers
{S} [granted|grant] {T} access to the detention camps
@087
{S} [withdrew|withdraw] its troops from {PLACE}, ending its confrontation with {T}
{S} [agreed|agree] to a ceasefire with {T}
{S} [pulled|pull] back forces from the border with {T}
{S} [declared|declare] a truce with {T}
{S} [demobilised|demobilise] fighters as part of a deal with {T}
{S} [halted|halt] military operations against {T}
@090
{S} [launched|launch] an investigation into {T}
{S} [opened|open] an inquiry into the conduct of {T}
{S} [investigated|investigate] {T} over {ISSUE}
{S} [set|set] up a commission to look into the actions of {T}
{S} [began|begin] a probe of {T}
@091
{S} [investigated|investigate] {T} for corruption
{S} [opened|open] a fraud inquiry into {T}
{S} [raided|raid] the offices of {T} as part of a bribery investigation
{S} [launched|launch] a money-laundering probe into {T}
{S} [probed|probe] allegations of embezzlement by {T}
@092
{S} [investigated|investigate] human rights abuses by {T}
{S} [opened|open] an inquiry into torture allegations against {T}
{S} [sent|send] a fact-finding mission to examine abuses by {T}
{S} [documented|document] cases of forced disappearances blamed on {T}
{S} [launched|launch] a probe into the treatment of prisoners by {T}
@093
{S} [investigated|investigate] the air strike carried out by {T}
{S} [opened|open] an inquiry into the military operation by {T} in {PLACE}
{S} [launched|launch] a probe into the shooting down of a plane by {T}
{S} [examined|examine] the conduct of {T} troops during the offensive
@094
{S} [opened|open] a war crimes investigation into {T}
{S} [investigated|investigate] {T} for crimes against humanity
{S} [launched|launch] a probe into alleged genocide by {T}
{S} [examined|examine] evidence of war crimes committed by {T} in {PLACE}
@100
{S} [demanded|demand] that {T} explain its actions
{S} [demanded|demand] an answer from {T}
{S} [insisted|insist] that {T} comply with its obligations
{S} [issued|issue] a demand to {T}
{S} [told|tell] {T} in no uncertain terms to change course
@101
{S} [demanded|demand] that {T} reopen its markets
{S} [demanded|demand] that {T} resume trade
{S} [insisted|insist] that {T} honour the joint investment deal
{S} [demanded|demand] that {T} share intelligence on {ISSUE}
@102
{S} [demanded|demand] that {T} recognise its independence
{S} [demanded|demand] the support of {T} at the United Nations
{S} [insisted|insist] that {T} back its position on {ISSUE}
{S} [demanded|demand] that {T} vote for the resolution
@103
{S} [demanded|demand] {AID} from {T}
{S} [demanded|demand] that {T} pay compensation
{S} [insisted|insist] that {T} deliver the promised {AID}
{S} [demanded|demand] reparations from {T}
@104
{S} [demanded|demand] that {T} hold free elections
{S} [demanded|demand] political reform from {T}
{S} [insisted|insist] that {T} end one-party rule
{S} [demanded|demand] that {T} release political prisoners and free the press
@105
{S} [demanded|demand] that {T} withdraw its troops from {PLACE}
{S} [demanded|demand] the resignation of {T}
{S} [demanded|demand] that {T} release the hostages
{S} [insisted|insist] that {T} lift the blockade
{S} [demanded|demand] that {T} surrender its weapons
@106
{S} [demanded|demand] talks with {T}
{S} [demanded|demand] a meeting with {T}
{S} [insisted|insist] that {T} come to the negotiating table
{S} [demanded|demand] that {T} open negotiations on {ISSUE}
@107
{S} [demanded|demand] that {T} settle the dispute
{S} [demanded|demand] that {T} resolve the conflict over {PLACE}
{S} [insisted|insist] that {T} end the border row immediately
@108
{S} [demanded|demand] that {T} accept mediation
{S} [demanded|demand] international mediation in its dispute with {T}
{S} [insisted|insist] that {T} allow mediators in
@110
{S} [criticised|criticise] {T}
{S} [expressed|express] disapproval of {T}'s policy on {ISSUE}
{S} [voiced|voice] concern over the actions of {T}
{S} [objected|object] to {T}'s decision on {ISSUE}
{S} [said|say] it was unhappy with the conduct of {T}
@111
{S} [condemned|condemn] {T} over {ISSUE}
{S} [denounced|denounce] {T}
{S} [sharply criticised|sharply criticise] {T} for its handling of {ISSUE}
{S} [slammed|slam] {T} over the crackdown
{S} [lashed|lash] out at {T}
{S} [strongly condemned|strongly condemn] the attack by {T}
@112
{S} [accused|accuse] {T} of {CRIME}
{S} [blamed|blame] {T} for the attack in {PLACE}
{S} [charged|charge] that {T} was behind the unrest
{S} [alleged|allege] that {T} had violated the agreement
{S} [accused|accuse] {T} of arming rebels
@113
{S} [rallied|rally] opposition against {T}
{S} [urged|urge] other countries to isolate {T}
{S} [organised|organise] a coalition against {T}
{S} [campaigned|campaign] to turn public opinion against {T}
@114
{S} [lodged|lodge] a formal protest with {T}
{S} [summoned|summon] the ambassador of {T} to complain about {ISSUE}
{S} [filed|file] an official complaint against {T}
{S} [sent|send] a protest note to {T}
{S} [complained|complain] officially to {T} about {ISSUE}
@115
{S} [filed|file] a lawsuit against {T}
{S} [sued|sue] {T} over {ISSUE}
{S} [took|take] {T} to the International Court of Justice
{S} [brought|bring] a case against {T} at the World Trade Organization
{S} [launched|launch] legal action against {T}
@116
{S} [found|find] {T} guilty of {CRIME}
{S} [convicted|convict] {T} of {CRIME}
{S} [ruled|rule] that {T} was liable for damages
{S} [sentenced|sentence] {T} to prison for {CRIME}
{T} [was found|be found] guilty by {S}
@120
{S} [rejected|reject] the proposal of {T}
{S} [rejected|reject] {T}'s position on {ISSUE}
{S} [turned|turn] down the offer from {T}
{S} [dismissed|dismiss] the plan put forward by {T}
{S} [refused|refuse] to accept the terms set by {T}
@121
{S} [rejected|reject] {T}'s offer of economic cooperation
{S} [refused|refuse] to open its market to {T}
{S} [turned|turn] down a joint venture with {T}
{S} [rejected|reject] a proposal for joint military exercises with {T}
@122
{S} [rejected|reject] {T}'s request for {AID}
{S} [refused|refuse] to give {AID} to {T}
{S} [turned|turn] down an appeal from {T} for loans
{S} [denied|deny] {T}'s request for emergency aid
@123
{S} [rejected|reject] demands by {T} for political reform
{S} [refused|refuse] to hold the elections demanded by {T}
{S} [dismissed|dismiss] calls from {T} to free political prisoners
{S} [rejected|reject] {T}'s call for constitutional change
@124
{S} [refused|refuse] to withdraw its troops despite demands from {T}
{S} [refused|refuse] to yield to {T}
{S} [rejected|reject] {T}'s demand that it step down
{S} [refused|refuse] to release the hostages held from {T}
{S} [vowed|vow] never to give in to {T}
@125
{S} [rejected|reject] {T}'s proposal for talks
{S} [refused|refuse] to meet {T}
{S} [turned|turn] down an invitation from {T} to negotiate
{S} [ruled|rule] out talks with {T}
@126
{S} [rejected|reject] mediation by {T}
{S} [refused|refuse] to accept {T} as a mediator
{S} [turned|turn] down an offer of mediation from {T}
@127
{S} [rejected|reject] the peace plan proposed by {T}
{S} [refused|refuse] to accept the settlement agreed with {T}
{S} [rejected|reject] the ceasefire deal offered by {T}
{S} [repudiated|repudiate] the agreement with {T}
@128
{S} [defied|defy] {T} and went ahead with the nuclear test
{S} [ignored|ignore] a court order issued by {T}
{S} [violated|violate] the ruling of {T}
{S} [flouted|flout] the resolution adopted by {T}
{S} [defied|defy] a ban imposed by {T}
@129
{S} [vetoed|veto] the resolution drafted by {T}
{S} [blocked|block] the Security Council resolution put forward by {T}
{S} [used|use] its veto to kill the proposal by {T}
{S} [vetoed|veto] {T}'s membership bid
@130
{S} [threatened|threaten] {T}
{S} [warned|warn] {T} of serious consequences
{S} [issued|issue] a threat against {T}
{S} [warned|warn] {T} that it would pay a heavy price
@131
{S} [threatened|threaten] to cut trade with {T}
{S} [threatened|threaten] to halt {GOODS} supplies to {T}
{S} [warned|warn] it would freeze the assets of {T}
{S} [threatened|threaten] to suspend aid to {T}
@132
{S} [threatened|threaten] to impose sanctions on {T}
{S} [warned|warn] {T} that it would face sanctions
{S} [threatened|threaten] {T} with an embargo
{S} [threatened|threaten] to expel the diplomats of {T}
@133
{S} [threatened|threaten] to stage protests against {T}
{S} [warned|warn] {T} it would call a general strike
{S} [threatened|threaten] to boycott the elections organised by {T}
{S} [threatened|threaten] mass demonstrations against {T}
@134
{S} [threatened|threaten] to walk out of talks with {T}
{S} [threatened|threaten] to break off negotiations with {T}
{S} [warned|warn] {T} it would pull out of the talks
@135
{S} [threatened|threaten] to end its mediation between {T} and the rebels
{S} [threatened|threaten] to withdraw as mediator in the conflict involving {T}
{S} [warned|warn] {T} it would abandon its mediation effort
@136
{S} [threatened|threaten] to pull its peacekeepers out of {T}
{S} [threatened|threaten] to expel international observers from {T}
{S} [warned|warn] it would end its mission in {T}
@137
{S} [threatened|threaten] to crack down on {T}
{S} [warned|warn] {T} of a harsh crackdown
{S} [threatened|threaten] to arrest the leaders of {T}
{S} [threatened|threaten] to use force against protesters from {T}
@138
{S} [threatened|threaten] military action against {T}
{S} [threatened|threaten] to attack {T}
{S} [threatened|threaten] to invade {T}
{S} [warned|warn] {T} it would use force
{S} [threatened|threaten] {T} with nuclear strikes
@139
{S} [gave|give] {T} an ultimatum
{S} [issued|issue] an ultimatum to {T}
{S} [gave|give] {T} {NUM} hours to withdraw or face attack
{S} [set|set] {T} a deadline to surrender
@140
{S:civ} [protested|protest] against {T}
{S:civ} [staged|stage] a protest against {T}
{S:civ} [took|take] to the streets to denounce {T}
{S:civ} [held|hold] a sit-in against the policies of {T}
@141
{S:civ} [demonstrated|demonstrate] against {T}
{S:civ} [rallied|rally] outside the {T} embassy
{S:civ} [marched|march] through {CITY} to protest against {T}
{S:civ} [held|hold] a mass rally against {T}
{S:civ} [protested|protest] outside the offices of {T}
@142
{S:civ} [went|go] on hunger strike to protest against {T}
{S:civ} [began|begin] a hunger strike against {T}
{S:civ} [refused|refuse] food in protest against {T}
{S:civ} [staged|stage] a hunger strike outside the {T} embassy
@143
{S:civ} [went|go] on strike against {T}
{S:civ} [boycotted|boycott] {T}
{S:civ} [called|call] a general strike against {T}
{S:civ} [walked|walk] off the job in protest against {T}
{S} [boycotted|boycott] the summit hosted by {T}
@144
{S:civ} [blocked|block] roads to protest against {T}
{S:civ} [blockaded|blockade] the port to pressure {T}
{S:civ} [set|set] up roadblocks against {T}
{S:civ} [obstructed|obstruct] access to the offices of {T}
@145
{S:civ} [rioted|riot] against {T}
{S:civ} [clashed|clash] violently with {T}
{S:civ} [torched|torch] cars in protests against {T}
{S:civ} [stormed|storm] the {T} embassy
{S:civ} [threw|throw] stones at {T}
@150
{S:mil} [staged|stage] a show of force near {T}
{S:mil} [held|hold] military manoeuvres near the border with {T}
{S} [paraded|parade] {WEAPON} in a show of strength aimed at {T}
{S:mil} [conducted|conduct] large-scale drills as a warning to {T}
{S} [test-fired|test-fire] missiles in a display of power directed at {T}
@151
{S:pol} [raised|raise] the alert level in response to {T}
{S:pol} [increased|increase] patrols near the {T} border
{S:pol} [were put|be put] on high alert because of threats from {T}
@152
{S:mil} [were placed|be placed] on high alert near {T}
{S:mil} [raised|raise] their combat readiness near the border with {T}
{S} [put|put] its armed forces on alert over {T}
{S} [raised|raise] its military alert level in response to {T}
@153
{S} [deployed|deploy] riot police to confront {T}
{S} [mobilised|mobilise] police reinforcements against {T}
{S} [sent|send] thousands of police to contain {T}
@154
{S} [mobilised|mobilise] troops against {T}
{S} [massed|mass] troops on the border with {T}
{S} [called|call] up reservists amid tension with {T}
{S} [deployed|deploy] {WEAPON} near the border with {T}
{S:mil} [moved|move] armoured units toward {T}
@160
{S} [downgraded|downgrade] relations with {T}
{S} [reduced|reduce] ties with {T}
{S} [scaled|scale] back cooperation with {T}
{S} [froze|freeze] high-level contacts with {T}
@161
{S} [severed|sever] diplomatic relations with {T}
{S} [broke|break] off diplomatic ties with {T}
{S} [recalled|recall] its ambassador from {T}
{S} [closed|close] its embassy in {T}
@162
{S} [cut|cut] aid to {T}
{S} [suspended|suspend] assistance to {T}
{S} [halted|halt] loans to {T}
{S} [stopped|stop] military aid to {T}
@163
{S} [imposed|impose] sanctions on {T}
{S} [slapped|slap] an embargo on {T}
{S} [banned|ban] imports of {GOODS} from {T}
{S} [froze|freeze] the assets of {T}
{S} [imposed|impose] an arms embargo on {T}
{S} [announced|announce] new sanctions against {T}
@164
{S} [broke|break] off negotiations with {T}
{S} [suspended|suspend] talks with {T}
{S} [walked|walk] out of the negotiations with {T}
{S} [halted|halt] the dialogue with {T}
@165
{S} [ended|end] its mediation between {T} and the rebels
{S} [withdrew|withdraw] as mediator in the conflict involving {T}
{S} [suspended|suspend] its mediation effort with {T}
@166
{S} [withdrew|withdraw] its peacekeepers from {T}
{S} [expelled|expel] the observers of {T}
{S} [pulled|pull] out of the agreement with {T}
{S} [left|leave] {IGO}, dealing a blow to {T}
{S} [expelled|expel] {T} from the organisation
@170
{S} [coerced|coerce] {T}
{S} [used|use] pressure tactics against {T}
{S} [forced|force] {T} to comply
{S} [intimidated|intimidate] {T}
@171
{S} [seized|seize] property belonging to {T}
{S} [confiscated|confiscate] the assets of {T}
{S} [nationalised|nationalise] companies owned by {T}
{S} [demolished|demolish] homes belonging to {T}
{S} [impounded|impound] a vessel owned by {T}
@172
{S} [imposed|impose] a curfew on {T}
{S} [banned|ban] {T}
{S} [declared|declare] a state of emergency against {T}
{S} [banned|ban] rallies by {T}
{S} [shut|shut] down the newspapers of {T}
@173
{S:pol} [arrested|arrest] {T}
{S} [detained|detain] {T}
{S:pol} [took|take] {T} into custody
{S} [charged|charge] {T} with {CRIME}
{T} [were arrested|be arrested] by {S:pol}
@174
{S} [expelled|expel] {T} diplomats
{S} [deported|deport] {T}
{S} [ordered|order] the expulsion of {T} nationals
{S} [declared|declare] a {T} diplomat persona non grata
@175
{S:pol} [fired|fire] tear gas at {T}
{S} [cracked|crack] down on {T}
{S:pol} [used|use] water cannon to disperse {T}
{S} [violently repressed|violently repress] {T}
{S:pol} [beat|beat] {T} with batons
@180
{S:grp} [attacked|attack] {T}
{S:grp} [ambushed|ambush] {T}
{S:grp} [carried|carry] out a raid against {T}
{S:grp} [launched|launch] an assault on {T}
@181
{S:grp} [kidnapped|kidnap] {T}
{S:grp} [took|take] {T} hostage
{S:grp} [abducted|abduct] {NUM} {T} aid workers
{S:grp} [hijacked|hijack] a {T} airliner
@182
{S} [beat|beat] {T}
{S} [assaulted|assault] {T}
{S} [tortured|torture] {T}
{S} [physically attacked|physically attack] {T}
@183
{S:grp} [bombed|bomb] {T}
{S:grp} [detonated|detonate] a car bomb near {T}
{S:grp} [carried|carry] out a suicide bombing against {T}
{S:grp} [set|set] off explosives targeting {T}
@184
{S:grp} [used|use] {T} as human shields
{S:grp} [hid|hide] among {T} to avoid strikes
{S:grp} [forced|force] {T} to act as human shields
@185
{S:grp} [tried|try] to assassinate {T}
{S:grp} [attempted|attempt] to kill {T}
{S:grp} [opened|open] fire on the motorcade of {T} in a bid to kill him
{S:grp} [plotted|plot] to murder {T}
@186
{S:grp} [assassinated|assassinate] {T}
{S:grp} [killed|kill] {T} in a targeted attack
{S:grp} [shot|shoot] dead {T}
{S:grp} [murdered|murder] {T}
@190
{S:mil} [attacked|attack] {T}
{S:mil} [fought|fight] {T}
{S:mil} [launched|launch] an offensive against {T}
{S:mil} [clashed|clash] with {T}
{S} [invaded|invade] {T}
{S:mil} [killed|kill] {NUM} {T} soldiers in fighting
@191
{S} [imposed|impose] a blockade on {T}
{S} [blockaded|blockade] {T}
{S} [closed|close] the border with {T}
{S} [restricted|restrict] the movement of {T}
{S:mil} [sealed|seal] off {T}
@192
{S:mil} [occupied|occupy] {T}
{S} [annexed|annex] territory of {T}
{S:mil} [seized|seize] control of {T}
{S:mil} [captured|capture] the {T} town
@193
{S:mil} [exchanged|exchange] gunfire with {T}
{S:mil} [fired|fire] on {T} with rifles
{S:mil} [fought|fight] {T} with small arms
{S:mil} [opened|open] fire on {T}
@194
{S:mil} [shelled|shell] {T}
{S:mil} [pounded|pound] {T} with artillery
{S:mil} [fired|fire] rockets at {T}
{S:mil} [attacked|attack] {T} with tanks
{S:mil} [fired|fire] mortar rounds at {T}
@195
{S:mil} [bombed|bomb] {T}
{S:mil} [carried|carry] out air strikes on {T}
{S:mil} [launched|launch] air raids against {T}
{S:mil} [struck|strike] {T} with drones
{S:mil} [bombarded|bombard] {T} from the air
@196
{S} [violated|violate] the ceasefire with {T}
{S} [broke|break] the truce with {T}
{S} [breached|breach] the ceasefire by attacking {T}
{S:mil} [attacked|attack] {T} in violation of the truce
@200
{S} [carried|carry] out mass atrocities against {T}
{S:mil} [massacred|massacre] {T}
{S} [committed|commit] atrocities against {T}
@201
{S} [expelled|expel] thousands of {T}
{S} [drove|drive] out the entire {T} population
{S} [forcibly deported|forcibly deport] tens of thousands of {T}
@202
{S} [massacred|massacre] hundreds of {T}
{S} [killed|kill] thousands of {T} civilians
{S} [carried|carry] out mass killings of {T}
@203
{S} [carried|carry] out ethnic cleansing of {T}
{S} [ethnically cleansed|ethnically cleanse] {T}
{S} [purged|purge] the region of {T}
@204
{S} [used|use] chemical weapons against {T}
{S} [dropped|drop] nerve gas on {T}
{S} [used|use] biological weapons against {T}
{S} [attacked|attack] {T} with nuclear weapons
@000
{S}'s exports to {T} rose {NUM} percent in {YEAR}, according to customs data
Trade between {S} and {T} reached {MONEY} last year
{S} recorded its highest inflation rate since {YEAR}, statistics showed
{S} has a population of roughly {NUM} million people
For {S}, the budget vote amounted to crossing the Rubicon
{S}'s central bank declared war on inflation, raising rates by half a point
{S} beat {T} {NUM}-1 in a World Cup qualifier
{S} crushed {T} in the semi-final of the basketball tournament
{S} and {T} are locked in a battle for market share in electric cars
{S} was a colony of {T} until {OLDYEAR}
{S} and {T} fought a border war in {OLDYEAR}, a conflict still taught in schools
Relations between {S} and {T} date back centuries
{S} has been a member of {IGO} since {OLDYEAR}
A war between {S} and {T} would be catastrophic for the region, economists estimate
Any sanctions on {S} would hurt consumers in {T}, analysts said
If {S} and {T} ever go to war, the consequences would be dire
There has been no war between {S} and {T} in living memory
Officials said there was no sign of any agreement between {S} and {T}
{S} is a landlocked country bordering {T}
Heavy rain battered the coast of {S} as the storm moved toward {T}
The stock market in {S} was hammered as investors fled to {T}
{S}'s tourism minister said visitor numbers from {T} had doubled
A poll found that {NUM} percent of people in {S} view {T} favourably
{S} unveiled its new national football kit ahead of the match against {T}
Textbooks in {S} still describe the war with {T} in great detail
The film about {S}'s war with {T} was a hit at the box office
{S}'s fashion week drew designers from {T}
The wheat harvest in {S} was the largest since {YEAR}
{S}'s currency fell to a record low against the dollar
Scientists in {S} and {T} published a joint study on coral reefs
{S}'s parliament building, designed by an architect from {T}, was completed in {OLDYEAR}
The price of {GOODS} in {S} rose sharply after a poor harvest
The tennis star from {S} defeated her rival from {T} in straight sets
Historians say {S}'s alliance with {T} collapsed in {OLDYEAR}
The orchestra from {S} performed in {T} to a sold-out hall
{S} is the world's largest producer of {GOODS}, ahead of {T}
Critics said the new policy in {S} was a Trojan horse
The minister from {S} said the reforms were a marathon, not a sprint
Unemployment in {S} fell to {NUM} percent, the lowest level since {YEAR}
"""

# Bare-bones verbs used for hard negatives of other modalities are not needed: modality variants of real
# templates are produced by generate.py from the [past|base] markup.
