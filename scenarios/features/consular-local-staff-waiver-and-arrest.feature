@invented
Feature: A consular post's local staff, a waiver in writing that lets the receiving State prosecute, and warrants of arrest
  An invented case, not a real one (scenarios/cases/consulate.yaml): Peru's consulate-general
  in Sydney. The States are real; the people and events are invented, and every fact cites an
  invented source (C1-C3).

  Three rules of the Vienna Convention on Consular Relations (VCCR) at work:
  - members of a consular post other than its consular officers who are nationals or
    permanent residents of the receiving State have privileges and immunities only in so far
    as that State grants them (art. 71(2)). A clerk recruited locally is not immune even for
    an act in the exercise of consular functions, for which a clerk sent by the sending State
    would be (art. 43(1));
  - the sending State may waive a consular immunity, but the waiver must be express and
    communicated to the receiving State in writing (art. 45(1)-(2)). Once it has so waived,
    the receiving State's courts may try the act its immunity covered;
  - a consular officer is not liable to arrest or detention pending trial, except in the case
    of a grave crime and pursuant to a decision by the competent judicial authority
    (art. 41(1)). The Convention does not define a grave crime, so whether a warrant may be
    executed against him is left open, with that fact named. A member of the post without
    personal inviolability may simply be arrested under a warrant.

  The story: in July 2023 the Consul issues an emergency passport to a Peruvian child whom an
  Australian court had forbidden to leave Australia. Australia asks Peru on 20 September 2023
  to waive his immunity; Peru does so, expressly, by a diplomatic note of 16 October 2023, and
  Australia charges him in November. In February 2024 he injures a pedestrian in a
  hit-and-run on his way home from a private party, and a magistrate issues a warrant for his
  arrest. The post's visa clerk, an Australian recruited in Sydney, signs a letter refusing a
  visa that the applicant says defamed him, and is accused of stealing from the visa-fee till;
  a magistrate issues a warrant for his arrest too.

  In these scenarios "the answer" means the answer to the claim stated in the step just
  before. A step beginning "suppose" changes the facts for that scenario only.

  @vccr-71-2 @vccr-41 @vccr-44-1
  Scenario: The local clerk, an Australian national, has no immunity even for a letter he signed on the post's behalf
    Given the invented consulate case
    And the case file records the local clerk as a consular employee at the Peruvian consulate-general in Sydney
    And the case file characterises the visa letter as performed in the exercise of consular functions
    When we ask what applied on 15 March 2024
    Then the local clerk is not immune from Australia's civil and administrative jurisdiction for the visa letter
    And the answer cites VCCR art. 71(2)
    And the answer does not cite VCCR art. 43(1)
    And the answer explains: "has no immunity in Australia save as that State grants"
    And the answer rests on the local clerk's employment and the visa letter
    And the answer draws on reports C1 and C2
    And the answer rests on no unverified law
    And the local clerk is not immune from Australia's criminal jurisdiction for the theft from the visa-fee till
    And the answer cites VCCR art. 71(2)
    And the local clerk is not inviolable in Australia
    And the answer cites VCCR arts. 41 and 71(2)
    And the local clerk may be compelled to give evidence in Australia
    And the answer cites VCCR arts. 44(1) and 71(2)

  @vccr-43-1 @vccr-1-1-e @vccr-44-3
  Scenario: Had he been a Peruvian sent from Lima, he would have been immune for the letter, and could refuse to give evidence on it
    Given the invented consulate case
    But suppose the case file recorded persons.hughes.nationalities as [PER]
    And suppose the case file recorded persons.hughes.permanent_resident_of as []
    When we ask what applied on 15 March 2024
    Then the local clerk is immune from Australia's civil and administrative jurisdiction for the visa letter
    And the answer cites VCCR arts. 43(1) and 1(1)(e)
    And the local clerk is not immune from Australia's criminal jurisdiction for the theft from the visa-fee till
    And the answer cites VCCR art. 43(1)
    And the local clerk may be compelled to give evidence in Australia
    And the answer explains: "save on matters connected with his functions"

  @vccr-45-1 @vccr-45-2 @vccr-43-1
  Scenario Outline: Peru's waiver, express and in writing, let Australia try the Consul for the passport, an official act
    Given the invented consulate case
    And the case file characterises the issue of the emergency passport as performed in the exercise of consular functions
    And the case file records that Peru granted Australia's waiver request expressly and in writing
    When we ask what applied on <day>
    Then the Consul is immune from Australia's criminal jurisdiction for the issue of the emergency passport
    And the answer cites VCCR arts. 43(1) and 1(1)(d)
    And Australia's courts <may or may not> try the issue of the emergency passport
    And the answer cites VCCR <article>
    And the answer <rests or not> on Australia's waiver request

    Examples:
      | day             | may or may not | article                      | rests or not  |
      | 1 October 2023  | may not        | art. 43(1)                   | does not rest |
      | 1 November 2023 | may            | arts. 45(1), 45(2) and 43(1) | rests         |

  @vccr-45-1 @vccr-45-2 @vccr-43-1
  Scenario: The waiver's effect, in the answer's own words
    Given the invented consulate case
    When we ask what applied on 1 November 2023
    Then Australia's waiver request produced a valid waiver of immunity
    And the answer cites VCCR arts. 45(1) and 45(2)
    And the answer draws on report C3
    And Australia's courts may try the issue of the emergency passport
    And the answer explains: "waived immunity from criminal jurisdiction expressly and in writing, so the act may be tried"
    And the answer rests on Australia's waiver request and the issue of the emergency passport
    And the answer draws on reports C1, C2 and C3

  @vccr-45-2 @vccr-43-1
  Scenario: Had Peru's waiver not been communicated in writing, the Consul could not have been tried
    Given the invented consulate case
    But suppose Australia's waiver request had been granted by Peru, expressly and not in writing
    When we ask what applied on 1 November 2023
    Then Australia's waiver request did not produce a valid waiver of immunity
    And the answer cites VCCR art. 45(2)
    And Australia's courts may not try the issue of the emergency passport
    And the answer cites VCCR art. 43(1)

  @vccr-41-1 @vccr-43-1 @vccr-41-3
  Scenario: The Consul may be arrested under the warrant only for a grave crime, which the Convention does not define, so the answer is open
    Given the invented consulate case
    And the case file characterises the hit-and-run as not performed in the exercise of consular functions
    When we ask what applied on 15 March 2024
    Then the Consul is not immune from Australia's criminal jurisdiction for the hit-and-run
    And Australia's courts may try the hit-and-run
    And the answer cites VCCR arts. 43(1) and 41(3)
    And the answer explains: "a consular officer must appear"
    But the Consul is inviolable in Australia
    And the answer cites VCCR art. 41(1)
    And whether Australia may arrest the Consul if he is found there is unknown
    And the answer says it needs "whether the offence is a grave crime and the warrant a decision of the competent judicial authority"
    And the answer cites VCCR art. 41(1)
    And the answer rests on the warrant for the Consul's arrest and the Consul's posting
    And the answer draws on reports C1 and C2
    And the question is listed among the open questions

  @vccr-41-1 @vccr-71-2
  Scenario: The local clerk has no personal inviolability, so the warrant for his arrest may be executed
    Given the invented consulate case
    When we ask what applied on 15 March 2024
    Then Australia may arrest the local clerk if he is found there
    And the answer cites VCCR arts. 41(1) and 71(2)
    And the answer explains: "A warrant exists and he has no consular inviolability: he may be arrested."
    And the answer rests on the warrant for the local clerk's arrest and the local clerk's employment
    And the answer draws on reports C1 and C2

  @vccr-41-1
  Scenario: Before the warrants were issued, nothing in the answer lets Australia arrest either of them
    Given the invented consulate case
    When we ask what applied on 15 January 2024
    Then nothing in the answer lets Australia arrest the local clerk if he is found there
    And nothing in the answer lets Australia arrest the Consul if he is found there
