@invented
Feature: Consular posts: functional immunity, partial inviolability, a waiver in writing
  An invented case, not a real one (scenarios/cases/consular.yaml): Chile's consulate-general
  in Canada, headed by a career Consul-General, with a clerk in its visa section. The States
  are real; the people and events are invented, and every fact cites an invented source
  (F1-F4). It shows the engine applying the Vienna Convention on Consular Relations (VCCR)
  to a case that has nothing to do with the Kim case.

  Consular protection is functional and partial where diplomatic protection is personal:
  - immunity from jurisdiction only for acts in the exercise of consular functions (art. 43);
  - a consular officer may not be arrested pending trial save for a grave crime on a judicial
    decision (art. 41); a consular employee has no personal inviolability;
  - an officer may decline to give evidence; an employee may be compelled, save on matters
    connected with his functions (art. 44);
  - only the part of the premises used exclusively for the post's work is protected, and
    consent to enter is assumed in a fire (art. 31(2)); a residence is not protected at all;
  - a waiver must be express and communicated in writing (art. 45(2));
  - privileges end on departure or after a reasonable period, whichever is the sooner
    (art. 53(3)), but immunity for official acts continues without limit of time (art. 53(4)).

  The story: the Consul-General arrives on 15 March 2021. On 10 May 2022 he refuses a visa
  (an official act); on 19 November 2022 he strikes another diner in a restaurant quarrel (a
  private one). In 2023 Canada's fire brigade enters the visa section during a fire, the police
  search it without consent, and the police enter his residence. In May 2023 Chile waives the
  clerk's privilege, first by telephone, then by a diplomatic note. His functions end on
  30 June 2024 and he leaves Canada on 20 July 2024.

  In these scenarios "the answer" means the answer to the claim stated in the step
  just before. A step beginning "suppose" changes the facts for that scenario only.

  @vccr-43-1 @vccr-1-1-d
  Scenario: In post, the Consul-General is immune for the visa refusal, an official act, but not for the restaurant quarrel
    Given the invented consular case
    And the case file records the Consul-General as the head of the Chilean consulate-general
    And the case file records the Consul-General as a consular officer at the Chilean consulate-general
    And the case file records the visa clerk as a consular employee at the Chilean consulate-general
    And the case file characterises the visa refusal as performed in the exercise of consular functions
    And the case file characterises the restaurant quarrel as not performed in the exercise of consular functions
    When we ask what applied on 1 June 2023
    Then the Consul-General is immune from Canada's civil and administrative jurisdiction for the visa refusal
    And the answer cites VCCR arts. 43(1) and 1(1)(d)
    And the answer rests on the Consul-General's posting and the visa refusal
    And the answer draws on reports F1 and F2
    And the answer rests on no unverified law
    And the Consul-General is immune from Canada's criminal jurisdiction for the visa refusal
    But the Consul-General is not immune from Canada's criminal jurisdiction for the restaurant quarrel
    And the answer cites VCCR art. 43(1)
    And the answer does not cite VCDR art. 31(1)
    And the answer explains: "immune in Canada only for acts in the exercise of consular functions, and this was not one"
    And the Consul-General is not immune from Canada's civil and administrative jurisdiction for the restaurant quarrel

  @vccr-43-1
  Scenario: Had the case file left the character of the visa refusal open, the answer would be unknown, not a guess
    Given the invented consular case
    But suppose the case file left open whether the visa refusal was performed in the exercise of consular functions
    When we ask what applied on 1 June 2023
    Then whether the Consul-General is immune from Canada's criminal jurisdiction for the visa refusal is unknown
    And the answer says it needs "whether the act was performed in the exercise of consular functions"
    And the question is listed among the open questions
    And the Consul-General is not immune from Canada's criminal jurisdiction for the restaurant quarrel

  @vccr-41-1 @vccr-41 @vccr-1-1-e
  Scenario: The Consul-General may not be arrested pending trial save for a grave crime; the visa clerk has no personal inviolability
    Given the invented consular case
    When we ask what applied on 1 June 2023
    Then the Consul-General is inviolable in Canada
    And the answer cites VCCR art. 41(1)
    And the answer explains: "save for a grave crime on a judicial decision"
    And the answer rests on the Consul-General's posting
    But the visa clerk is not inviolable in Canada
    And the answer cites VCCR arts. 41 and 1(1)(e)
    And the answer explains: "has no personal inviolability"
    And the answer rests on the visa clerk's posting

  @vccr-44-1 @vccr-44-3
  Scenario: The Consul-General may decline to give evidence; the visa clerk may be compelled, save on official matters
    Given the invented consular case
    When we ask what applied on 1 June 2023
    Then the Consul-General may not be compelled to give evidence in Canada
    And the answer cites VCCR art. 44(1)
    And the answer explains: "no coercive measure or penalty if he declines"
    But the visa clerk may be compelled to give evidence in Canada
    And the answer cites VCCR arts. 44(1) and 44(3)
    And the answer explains: "save on matters connected with his functions"
    And the answer rests on the visa clerk's posting
    And the answer draws on report F1

  @vccr-31-2
  Scenario Outline: Entry into the consular premises: consent is assumed in a fire; otherwise the working part is closed; a residence is not protected
    Given the invented consular case
    When we ask what applied on 1 June 2023
    Then <entry> <was or was not> permitted
    And the answer cites VCCR art. 31(2)
    And the answer explains: "<reason>"
    And the answer rests on <entry> and the Chilean consulate-general
    And the answer draws on report F3

    Examples:
      | entry                                                          | was or was not | reason                                                 |
      | the fire brigade's entry into the visa section during the fire | was            | there was a fire requiring prompt protective action    |
      | the police search of the visa section                          | was not        | No consent and no emergency                            |
      | the police entry into the Consul-General's residence           | was            | a residence, which the VCCR does not make inviolable   |

  @vccr-31-2
  Scenario: Had the Consul-General consented, the police search would have been lawful
    Given the invented consular case
    But suppose the Consul-General had consented to the police search of the visa section
    When we ask what applied on 1 June 2023
    Then the police search of the visa section was permitted
    And the answer cites VCCR art. 31(2)
    And the answer explains: "consented to the entry"
    And the answer rests on the police search of the visa section and the Consul-General's posting

  @vccr-33 @vccr-31-1 @vccr-31-2
  Scenario Outline: The post's archives stay inviolable, and its working premises protected, after the Consul-General has gone
    Given the invented consular case
    When we ask what applied on <day>
    Then the archives and documents of the Chilean consulate-general are inviolable
    And the answer cites VCCR art. 33
    And the answer explains: "inviolable at all times and wherever they are"
    And the answer rests on the Chilean consulate-general
    And the premises of the Chilean consulate-general are inviolable
    And the answer cites VCCR arts. 31(1) and 31(2)
    And the answer explains: "Other parts, and any residence, are not inviolable"

    Examples:
      | day              |
      | 1 June 2023      |
      | 1 September 2024 |

  @vccr-45-1 @vccr-45-2
  Scenario: A waiver granted expressly but only by telephone is no waiver; one in writing is
    Given the invented consular case
    And the case file records that Chile granted Canada's first waiver request expressly, but not in writing
    And the case file records that Chile granted Canada's second waiver request expressly and in writing
    When we ask what applied on 1 June 2023
    Then Canada's first waiver request did not produce a valid waiver of immunity
    And the answer cites VCCR art. 45(2)
    And the answer does not cite VCDR art. 32(2)
    And the answer explains: "was not in writing"
    And the answer rests on Canada's first waiver request
    And the answer draws on report F4
    But Canada's second waiver request produced a valid waiver of immunity
    And the answer cites VCCR arts. 45(1) and 45(2)
    And the answer rests on Canada's second waiver request

  @vccr-45-1 @vccr-45-2
  Scenario Outline: Only the sending State can waive, and only expressly and in writing
    Given the invented consular case
    But suppose Canada's second waiver request had been granted by <grantor>, <manner> and <form>
    When we ask what applied on 1 June 2023
    Then Canada's second waiver request <outcome> a valid waiver of immunity
    And the answer cites VCCR <article>

    Examples:
      | grantor                | manner        | form           | outcome         | article               |
      | the visa clerk himself | expressly     | in writing     | did not produce | art. 45(1)            |
      | Chile                  | not expressly | in writing     | did not produce | art. 45(2)            |
      | Chile                  | expressly     | not in writing | did not produce | art. 45(2)            |
      | Chile                  | expressly     | in writing     | produced        | arts. 45(1) and 45(2) |

  @vccr-45-2
  Scenario: A grant whose form the case file does not record leaves the waiver unknown
    Given the invented consular case
    But suppose Canada's second waiver request had been granted by Chile, expressly and without the case file saying whether in writing
    When we ask what applied on 1 June 2023
    Then whether Canada's second waiver request produced a valid waiver of immunity is unknown
    And the answer says it needs "whether the sending State's waiver was express and communicated in writing"
    And the answer cites VCCR art. 45(2)
    And the question is listed among the open questions

  @vccr-53-3 @vccr-53
  Scenario: Between the end of his functions and his departure, whether his privileges still run is unknown: they end on departure or after a reasonable period, whichever is the sooner
    Given the invented consular case
    When we ask what applied on 10 July 2024
    Then whether the Consul-General is inviolable in Canada is unknown
    And the answer says it needs "whether a reasonable period to leave after his functions ended (30 June 2024) had expired"
    And the answer cites VCCR art. 53(3)
    And the question is listed among the open questions
    But the Consul-General is not immune from Canada's criminal jurisdiction for the restaurant quarrel
    And the answer explains: "they never covered an act outside consular functions"
    And the answer cites VCCR art. 53(3)

  @vccr-53-3 @vccr-53-4
  Scenario Outline: After the Consul-General left, immunity for the visa refusal continues without limit of time; none survives for the quarrel
    Given the invented consular case
    When we ask what applied on <day>
    Then immunity for the visa refusal survives the end of the Consul-General's functions in Canada
    And the answer cites VCCR art. 53(4)
    And the answer explains: "continues without limitation of time"
    And the answer rests on the visa refusal and the Consul-General's posting
    And the Consul-General is immune from Canada's civil and administrative jurisdiction for the visa refusal
    And the answer cites VCCR arts. 53(3) and 53(4)
    And the answer explains: "left Canada (20 July 2024)"
    But immunity for the restaurant quarrel does not survive the end of the Consul-General's functions in Canada
    And the Consul-General is not immune from Canada's criminal jurisdiction for the restaurant quarrel
    And the answer cites VCCR arts. 53(3) and 53(4)
    And the Consul-General is not inviolable in Canada
    And the answer cites VCCR art. 53(3)
    And the answer explains: "ended with his privileges: Mateo Ibarra left Canada (20 July 2024)"

    Examples:
      | day              |
      | 1 September 2024 |
      | 1 January 2040   |
