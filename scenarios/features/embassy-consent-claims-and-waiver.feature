@invented
Feature: The head of mission's consent, a claim on private land, and a waiver that may not be express
  An invented case, not a real one (scenarios/cases/embassy.yaml): Portugal's embassy in
  Dublin. The States are real; the people and events are invented, and every fact cites an
  invented source (E1-E5).

  Three rules of the Convention that the Kim case does not put to the test:
  - the premises of the mission are inviolable, and the receiving State's agents may enter
    them only with the consent of the head of the mission (VCDR art. 22(1)). His consent
    opens them for the purpose asked; the consent of another diplomat does not;
  - a diplomatic agent is immune from the civil jurisdiction of the receiving State, except
    in three cases, the first of which is a real action relating to private immovable
    property in its territory, unless he holds it on behalf of the sending State for the
    purposes of the mission (art. 31(1)(a)). The exception takes away civil immunity for that
    claim only: he remains inviolable, and immune for everything else;
  - only the sending State may waive immunity, and the waiver must always be express
    (art. 32(1)-(2)). Where the sources report a reply whose express character is open, the
    engine does not decide it: whether the waiver is valid, and so whether the act may be
    tried, is unknown until the case file says.

  The story: in February 2024 the Garda ask the Ambassador to let them view the footage of
  the embassy's forecourt camera after a collision at the gates, and she consents in writing.
  A neighbour sues the Ambassador over a right of way across her private holiday cottage in
  County Kerry. After the First Secretary is accused of an assault in a bar in March 2024,
  Ireland asks Portugal to waive his immunity; Portugal replies on 8 April that it "would not
  stand in the way of the Irish authorities".

  In these scenarios "the answer" means the answer to the claim stated in the step just
  before. A step beginning "suppose" changes the facts for that scenario only.

  @vcdr-22-1
  Scenario: The Ambassador consented, so the Garda could enter the embassy for the purpose asked
    Given the invented embassy case
    And the case file records the Ambassador as the head of the Portuguese embassy in Dublin
    When we ask what applied on 8 February 2024
    Then Ireland's police may enter the Portuguese embassy in Dublin on the strength of the Garda request to enter the embassy
    And the answer cites VCDR art. 22(1)
    And the answer explains: "The head of the embassy of Portugal in Dublin consented (7 February 2024)"
    And the answer rests on the Garda request to enter the embassy and the Portuguese embassy in Dublin
    And the answer draws on reports E1 and E3
    And the answer rests on no unverified law
    And the premises of the Portuguese embassy in Dublin are inviolable

  @vcdr-22-1
  Scenario Outline: Only the head of the mission can consent; a grant by the sending State is read as hers
    Given the invented embassy case
    But suppose the Garda request to enter the embassy had been granted by <grantor>, expressly
    When we ask what applied on 8 February 2024
    Then Ireland's police <may or may not> enter the Portuguese embassy in Dublin on the strength of the Garda request to enter the embassy
    And the answer cites VCDR art. 22(1)
    And the answer explains: "<reason>"

    Examples:
      | grantor             | may or may not | reason                                              |
      | the First Secretary | may not        | only its head of mission                            |
      | Portugal            | may            | read as the head of mission's consent               |

  @vcdr-22-1
  Scenario: That a grant by Portugal counts as the Ambassador's consent is a reading the answer flags
    Given the invented embassy case
    But suppose the Garda request to enter the embassy had been granted by Portugal, expressly
    When we ask what applied on 8 February 2024
    Then Ireland's police may enter the Portuguese embassy in Dublin on the strength of the Garda request to enter the embassy
    And the answer is flagged as resting on the unverified doctrine that a grant by the sending State is read as the consent of the head of its mission

  @vcdr-31-1-a @vcdr-31-1 @vcdr-29
  Scenario: The Ambassador has no civil immunity from the neighbour's action over her private holiday cottage, but stays inviolable
    Given the invented embassy case
    And the case file characterises the right-of-way dispute as not performed in the exercise of the Ambassador's functions
    When we ask what applied on 1 April 2024
    Then the Ambassador is not immune from Ireland's civil and administrative jurisdiction for the right-of-way dispute
    And the answer cites VCDR art. 31(1)(a)
    And the answer explains: "a real action on private immovable property (a)"
    And the answer rests on the Ambassador's posting and the right-of-way dispute
    And the answer draws on reports E1 and E2
    And the answer rests on no unverified law
    But the Ambassador is inviolable in Ireland
    And the answer cites VCDR art. 29
    And the Ambassador may not be compelled to give evidence in Ireland

  @vcdr-31-1
  Scenario: Were the claim not one of the art. 31(1)(a)-(c) matters, she would be immune from it
    Given the invented embassy case
    But suppose the case file recorded acts.right-of-way.civil_matter as null
    When we ask what applied on 1 April 2024
    Then the Ambassador is immune from Ireland's civil and administrative jurisdiction for the right-of-way dispute
    And the answer cites VCDR arts. 31(1) and 1(e)
    And the answer does not cite VCDR art. 31(1)(a)

  @vcdr-32-1 @vcdr-32-2 @vcdr-31-1
  Scenario: Whether Portugal's reply was an express waiver is open, and so is whether the First Secretary may be tried
    Given the invented embassy case
    When we ask what applied on 1 May 2024
    Then the First Secretary is immune from Ireland's criminal jurisdiction for the bar assault
    And the answer cites VCDR arts. 31(1) and 1(e)
    And whether Ireland's waiver request produced a valid waiver of immunity is unknown
    And the answer says it needs "whether the sending State's waiver was express (VCDR art. 32(2))"
    And the answer cites VCDR art. 32(2)
    And the answer rests on Ireland's waiver request
    And the answer draws on report E4
    And the question is listed among the open questions
    And whether Ireland's courts may try the bar assault is unknown
    And the answer says it needs "whether the sending State's waiver was express"
    And the answer cites VCDR arts. 32(1), 32(2) and 31(1)
    And the answer rests on Ireland's waiver request and the bar assault
    And the question is listed among the open questions

  @vcdr-32-1 @vcdr-32-2 @vcdr-31-1
  Scenario Outline: Had the reply been clearly express, or clearly not, the answer would follow
    Given the invented embassy case
    But suppose Ireland's waiver request had been granted by Portugal, <manner>
    When we ask what applied on 1 May 2024
    Then Ireland's waiver request <produced or not> a valid waiver of immunity
    And Ireland's courts <may or may not> try the bar assault
    And the answer cites VCDR <article>

    Examples:
      | manner        | produced or not | may or may not | article               |
      | expressly     | produced        | may            | arts. 32(1) and 32(2) |
      | not expressly | did not produce | may not        | art. 31(1)            |

  @vcdr-32-1 @vcdr-31-1
  Scenario: Before Portugal replied, there was no waiver and the bar assault could not be tried
    Given the invented embassy case
    When we ask what applied on 1 April 2024
    Then Ireland's waiver request did not produce a valid waiver of immunity
    And the answer cites VCDR art. 32(1)
    And the answer explains: "was not yet answered: no waiver"
    And Ireland's courts may not try the bar assault
    And the answer cites VCDR art. 31(1)
