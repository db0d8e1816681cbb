Feature: Waiver and consent, each under its own article; a waiver reaches its own jurisdiction and its own acts
  Asking a State to "waive immunity" so that the police may go into its embassy is, in law, asking
  the head of the mission to consent to their entry (VCDR art. 22(1)). Consent is not a waiver
  of immunity under art. 32, so the engine answers such a request under art. 22 only, and gives
  no waiver answer for it.

  A waiver of immunity (art. 32) is given by the sending State, expressly, and it reaches only
  what it expressly covers:
  - its kind of jurisdiction: a waiver of criminal jurisdiction lets the receiving State try the
    acts it reaches; one of civil jurisdiction lets its courts hear the claim, but a judgment may
    be executed only under a separate waiver (art. 32(4));
  - its acts: a request that names an act reaches that act and no other of the same person. One
    that names only the person reaches every act of his done by the time it was asked for.
  That a waiver of criminal jurisdiction also lets the receiving State arrest the agent under a
  warrant for the act, despite his inviolability (art. 29), is a reading the legal brief does not
  verify, and the answer says so.

  Immunity in the receiving State never exempts a diplomat from the jurisdiction of the State that
  sent him (art. 31(4)). But that jurisdiction comes from the sending State's own law: Korea's
  Criminal Act reaches its nationals' crimes abroad (art. 3); the engine has no such law for
  other States, so for them the answer is unknown. The question is one of criminal jurisdiction
  over those the Convention makes immune: it does not arise for a civil claim, nor for staff
  recruited locally, whom the Convention does not protect in the first place (art. 38(2)).

  The invented case (scenarios/cases/waiver.yaml) is not a real one: Sweden's embassy in Ottawa.
  The States are real; the people and events are invented, and every fact cites an invented
  source (W1-W4).

  In these scenarios "the answer" means the answer to the claim stated in the step just before.
  A step beginning "suppose" changes the facts for that scenario only.

  @kim @vcdr-22-1 @vcdr-32-1
  Scenario Outline: The September 2019 request asked to let the police into the embassy: consent decides it, and no waiver comes into it
    Given the Kim case as the reports tell it
    And the case file records that Korea declined the September 2019 request in September 2019
    When we ask what applied on <day>
    Then New Zealand's police may not enter the Korean embassy in Wellington on the strength of the September 2019 request
    And the answer cites VCDR art. 22(1)
    And the answer does not cite VCDR art. 32(1)
    And the answer explains: "entry is a matter of the head of mission's consent (art. 22(1)), not of a waiver of immunity under art. 32"
    And the September 2019 request did not produce a valid waiver of immunity
    And the answer explains: "no waiver came of it"
    And the answer cites VCDR art. 22(1)
    And the answer does not cite VCDR art. 32(1)

    Examples:
      | day               |
      | 15 September 2019 |
      | 1 October 2019    |
      | 10 August 2020    |

  @kim @vcdr-22-1
  Scenario: Had Korea granted the September 2019 request, the police could have gone in, and still no waiver would have come of it
    Given the Kim case as the reports tell it
    But suppose the September 2019 request had been granted by the Republic of Korea, expressly
    When we ask what applied on 1 October 2019
    Then New Zealand's police may enter the Korean embassy in Wellington on the strength of the September 2019 request
    And the answer is flagged as resting on the unverified doctrine that a grant by the sending State is read as the consent of the head of its mission
    And the September 2019 request did not produce a valid waiver of immunity
    And the answer explains: "no waiver came of it"
    And the answer cites VCDR art. 22(1)
    And the answer does not cite VCDR art. 32(1)
    And Kim is not immune from New Zealand's criminal jurisdiction for the 2017 assaults

  @invented @vcdr-22-1
  Scenario: Canada called it a waiver; the Ambassador's consent let the police in, and the Counsellor kept his immunity
    Given the invented waiver case
    And the case file records the Ambassador as the head of the Swedish embassy in Ottawa
    When we ask what applied on 15 March 2024
    Then Canada's police may enter the Swedish embassy in Ottawa on the strength of the request to view the embassy's camera footage
    And the answer cites VCDR art. 22(1)
    And the answer explains: "The head of the embassy of Sweden in Ottawa consented (14 March 2024)"
    And the answer explains: "not of a waiver of immunity under art. 32"
    And the answer rests on the request to view the embassy's camera footage and the Swedish embassy in Ottawa
    And the answer draws on reports W1 and W3
    And the answer rests on no unverified law
    And the request to view the embassy's camera footage did not produce a valid waiver of immunity
    And the answer explains: "no waiver came of it"
    And the answer cites VCDR art. 22(1)
    And the answer does not cite VCDR art. 32(1)
    And the Counsellor is immune from Canada's criminal jurisdiction for the Elgin Street assault
    And Canada's courts may not try the Elgin Street assault

  @invented @vcdr-32-1 @vcdr-32-2 @vcdr-31-1
  Scenario: A waiver that names one act lets that act be tried, and not another act of the same diplomat
    Given the invented waiver case
    And the case file records that Sweden granted Canada's waiver request for the Counsellor expressly and in writing
    When we ask what applied on 15 June 2024
    Then Canada's waiver request for the Counsellor produced a valid waiver of immunity
    And the answer cites VCDR arts. 32(1) and 32(2)
    And the Counsellor is immune from Canada's criminal jurisdiction for the Elgin Street assault
    But Canada's courts may try the Elgin Street assault
    And the answer cites VCDR arts. 32(1), 32(2) and 31(1)
    And the answer explains: "for this act, which the request names"
    And the answer rests on Canada's waiver request for the Counsellor and the Elgin Street assault
    And the answer draws on reports W1, W2 and W4
    And the Counsellor is immune from Canada's criminal jurisdiction for the dangerous driving on the Rideau Canal driveway
    And Canada's courts may not try the dangerous driving on the Rideau Canal driveway
    And the answer cites VCDR art. 31(1)
    And the answer does not rest on Canada's waiver request for the Counsellor

  @invented @vcdr-32-1 @vcdr-32-2 @vcdr-31-1
  Scenario Outline: A waiver that names only the person reaches his acts done by the time it was asked for
    Given the invented waiver case
    But suppose the case file recorded requests.holm-waiver.concerning as [holm]
    When we ask what applied on 15 June 2024
    Then Canada's courts <may or may not> try <act>
    And the answer explains: "<reason>"
    And the answer rests on Canada's waiver request for the Counsellor

    Examples:
      | act                                                | may or may not | reason                                                 |
      | the Elgin Street assault                           | may            | for every act of his done by the time it was asked for |
      | the dangerous driving on the Rideau Canal driveway | may not        | this act was done later (18 May 2024)                  |

  @invented @vcdr-32-1 @vcdr-31-1
  Scenario: Whether such a waiver reaches an act the case file does not date is unknown
    Given the invented waiver case
    But suppose the case file recorded requests.holm-waiver.concerning as [holm]
    And suppose the case file recorded acts.rideau-driving.when as null
    When we ask what applied on 15 June 2024
    Then whether Canada's courts may try the dangerous driving on the Rideau Canal driveway is unknown
    And the answer says it needs "when the act was done"
    And the question is listed among the open questions

  @kim @vcdr-31-1 @vcdr-32-1 @vcdr-32-2
  Scenario Outline: While Kim was in post, a waiver naming him, or naming the 2017 assaults, would have let New Zealand try them
    Given the Kim case as the reports tell it
    But suppose that in November 2017 New Zealand had asked Korea to waive Kim's immunity from criminal jurisdiction, and the request had been granted by the Republic of Korea, expressly
    And suppose the case file recorded requests.waiver-2017-11.concerning as <concerning>
    When we ask what applied on 1 December 2017
    Then the November 2017 request produced a valid waiver of immunity
    And Kim is immune from New Zealand's criminal jurisdiction for the 2017 assaults
    But New Zealand's courts may try the 2017 assaults
    And the answer cites VCDR arts. 32(1), 32(2) and 31(1)
    And the answer explains: "<reason>"
    And the answer rests on the November 2017 request

    Examples:
      | concerning          | reason                                                 |
      | [kim]               | for every act of his done by the time it was asked for |
      | [kim, assault-2017] | for this act, which the request names                  |

  @invented @vcdr-29 @vcdr-32-1
  Scenario: The waiver for the Elgin Street assault is read as letting Canada arrest the Counsellor under the warrant for it, a reading the brief does not verify
    Given the invented waiver case
    And the case file records that Sweden granted Canada's waiver request for the Counsellor expressly and in writing
    When we ask what applied on 15 June 2024
    Then the Counsellor is inviolable in Canada
    But Canada may arrest the Counsellor if he is found there
    And the answer cites VCDR arts. 29 and 32(1)
    And the answer is flagged as resting on the unverified doctrine that a waiver of immunity from criminal jurisdiction for an act is read as letting the receiving State arrest the agent
    And the answer rests on the warrant for the Counsellor's arrest and Canada's waiver request for the Counsellor
    And the answer draws on reports W1, W2 and W4

  @invented @vcdr-29 @vcdr-32-1
  Scenario: A warrant for an act the waiver does not reach cannot be executed against him
    Given the invented waiver case
    But suppose the case file recorded proceedings.elgin-warrant.acts as [rideau-driving]
    When we ask what applied on 15 June 2024
    Then the Counsellor is inviolable in Canada
    And Canada may not arrest the Counsellor if he is found there
    And the answer cites VCDR art. 29
    And the answer rests on no unverified law

  @invented @vcdr-32-1 @vcdr-32-2 @vcdr-32-4
  Scenario Outline: A waiver of civil jurisdiction lets the landlord's claim be heard; only a separate waiver lets the judgment be executed
    Given the invented waiver case
    When we ask what applied on <day>
    Then the First Secretary is immune from Canada's civil and administrative jurisdiction for the unpaid rent
    But Canada may exercise civil jurisdiction over the First Secretary, for the unpaid rent
    And the answer cites VCDR arts. 32(1) and 32(2)
    And the answer explains: "the courts of Canada may hear the claim despite the immunity"
    And the answer rests on Canada's waiver request for the landlord's claim
    And Canada <may or may not> execute a judgment against the First Secretary, for the unpaid rent
    And the answer cites VCDR art. 32(4)
    And the answer explains: "<reason>"
    And the answer <rests or not> on Canada's request for a waiver of execution
    And Canada's courts may not try the unpaid rent

    Examples:
      | day             | may or may not | reason                                                     | rests or not  |
      | 15 June 2024    | may not        | does not extend to the execution of a judgment             | does not rest |
      | 15 October 2024 | may            | waived, separately and expressly, immunity from execution | rests         |

  @invented @vcdr-32-1 @vcdr-32-4
  Scenario: Waivers of civil jurisdiction and of execution that name only the First Secretary reach the claim about her earlier act
    Given the invented waiver case
    But suppose the case file recorded requests.dahl-civil-waiver.concerning as [dahl]
    And suppose the case file recorded requests.dahl-execution-waiver.concerning as [dahl]
    When we ask what applied on 15 October 2024
    Then Canada may exercise civil jurisdiction over the First Secretary, for the unpaid rent
    And the answer explains: "for every act of his done by the time it was asked for"
    And Canada may execute a judgment against the First Secretary, for the unpaid rent
    And the answer explains: "for every act of his done by the time it was asked for"

  @invented @vcdr-32-1 @vcdr-32-4
  Scenario: A waiver of civil jurisdiction does not let the receiving State prosecute
    Given the invented waiver case
    But suppose the case file recorded requests.holm-waiver.scope as [civil_jurisdiction]
    When we ask what applied on 15 June 2024
    Then Canada's waiver request for the Counsellor produced a valid waiver of immunity
    But Canada's courts may not try the Elgin Street assault
    And the answer does not rest on Canada's waiver request for the Counsellor
    And Canada may exercise civil jurisdiction over the Counsellor, for the Elgin Street assault
    And Canada may not execute a judgment against the Counsellor, for the Elgin Street assault
    And the answer cites VCDR art. 32(4)

  @invented @vccr-45-1 @vccr-45-2 @vccr-43-1
  Scenario Outline: A consular waiver, too, reaches the acts it names, or all the acts of the person it names done by then
    Given the invented consulate case
    And the case file characterises the issue of the emergency passport as performed in the exercise of consular functions
    But suppose the case file recorded requests.salazar-waiver.concerning as <concerning>
    When we ask what applied on 1 November 2023
    Then Australia's courts may try the issue of the emergency passport
    And the answer cites VCCR arts. 45(1), 45(2) and 43(1)
    And the answer explains: "<reason>"

    Examples:
      | concerning          | reason                                                 |
      | [salazar]           | for every act of his done by the time it was asked for |
      | [salazar, passport] | for this act, which the request names                  |

  @kim @vcdr-31-4 @korean-criminal-act-3
  Scenario Outline: Korea's jurisdiction over Kim comes from its own law, which reaches its nationals' crimes abroad; art. 31(4) keeps it whatever his immunity
    Given the Kim case as the reports tell it
    When we ask what applied on <day>
    Then the Republic of Korea has jurisdiction over Kim for the 2017 assaults
    And the answer cites VCDR art. 31(4)
    And the answer cites Korean Criminal Act art. 3
    And the answer explains: "that jurisdiction comes from the Republic of Korea's own law"
    And the answer explains: "Hongkon Kim is a Korean national"
    And the answer rests on Kim, Kim's posting to the Wellington embassy and the 2017 assaults
    And New Zealand may ask Korea to prosecute Kim, for the 2017 assaults

    Examples:
      | day             |
      | 1 December 2017 |
      | 10 August 2020  |

  @kim @vcdr-31-4 @korean-criminal-act-3
  Scenario: Without a basis in Korean law, such as Kim's nationality, whether Korea may prosecute him is unknown
    Given the Kim case as the reports tell it
    But suppose the case file did not report Kim's nationality
    When we ask what applied on 10 August 2020
    Then whether the Republic of Korea has jurisdiction over Kim for the 2017 assaults is unknown
    And the answer says it needs "a basis in the Republic of Korea's own law for its jurisdiction over the act"
    And the answer cites VCDR art. 31(4)
    And the answer does not cite Korean Criminal Act art. 3
    And the question is listed among the open questions
    And nothing in the answer lets New Zealand ask Korea to prosecute Kim, for the 2017 assaults
    And nothing in the answer lets Korea prosecute at home

  @invented @vcdr-31-4 @vcdr-38-2
  Scenario: Sweden's own law is not encoded, so whether it may prosecute its Counsellor is unknown; for a civil claim and for a driver recruited in Ottawa the question does not arise
    Given the invented waiver case
    When we ask what applied on 15 June 2024
    Then whether Sweden has jurisdiction over the Counsellor for the Elgin Street assault is unknown
    And the answer says it needs "a basis in Sweden's own law for its jurisdiction over the act"
    And the answer cites VCDR art. 31(4)
    And the answer rests on the Counsellor's posting and the Elgin Street assault
    And the question is listed among the open questions
    And nothing in the answer lets Canada ask Sweden to prosecute the Counsellor, for the Elgin Street assault
    And nothing in the answer says whether Sweden has jurisdiction over the First Secretary for the unpaid rent
    And nothing in the answer says whether Sweden has jurisdiction over the driver for the speeding on the Queensway
    And the driver is not immune from Canada's criminal jurisdiction for the speeding on the Queensway
    And the answer cites VCDR art. 38(2)

  @invented @vcdr-31-4 @vcdr-38-2 @vcdr-37-1
  Scenario: In Dublin, the art. 31(4) question arises only for the First Secretary's bar assault
    Given the invented embassy case
    When we ask what applied on 1 May 2024
    Then whether Portugal has jurisdiction over the First Secretary for the bar assault is unknown
    And the answer says it needs "a basis in Portugal's own law"
    And nothing in the answer says whether Portugal has jurisdiction over the driver for the collision at the embassy gates
    And nothing in the answer says whether Portugal has jurisdiction over the Ambassador's husband for the M50 collision
    And nothing in the answer says whether Portugal has jurisdiction over the Ambassador for the right-of-way dispute

  @kim @mutual-assistance-treaty-requests-for-assistance
  Scenario: The mutual assistance treaty's articles were not retrieved, so a request for assistance rests on unverified terms
    Given the Kim case as the reports tell it
    When we ask what applied on 10 August 2020
    Then New Zealand may request mutual legal assistance from Korea
    And the answer cites the NZ-ROK Mutual Assistance Treaty
    And the answer is flagged as resting on the NZ-ROK Mutual Assistance Treaty's assistance term, which is unverified
