@invented
Feature: Family members and locally recruited staff: nationality and residence decide
  An invented case, not a real one (scenarios/cases/embassy.yaml): Portugal's embassy in
  Dublin. The States are real; the people and events are invented, and every fact cites an
  invented source (E1-E5).

  The Convention protects a diplomat's household and the mission's other staff, but not
  everyone who works at or lives with the mission:
  - the family of a diplomatic agent forming part of his household have his privileges and
    immunities (arts. 29 to 36) if they are not nationals of the receiving State
    (VCDR art. 37(1)). The test is nationality alone: a family member permanently resident in
    the receiving State is still covered, while one who is its national has nothing from the
    Convention;
  - administrative and technical staff, service staff and private servants are covered by
    art. 37(2)-(4) only if they are neither nationals nor permanent residents of the receiving
    State. Those who are have privileges and immunities only to the extent that State admits
    them (art. 38(2)), even for acts done in the course of their duties.
  Where the case file does not say whether a family member is a national of the receiving
  State, the engine answers "unknown" and says that this is the fact it needs.

  The people: the Ambassador's husband is an Irish national, permanently resident in
  Ireland. The First Secretary's wife grew up in Cork; the sources do not say whether she is
  Irish. The embassy's driver, recruited in Dublin, is Irish; its IT technician is Portuguese
  but has lived in Ireland since 2010 and is permanently resident there.

  In these scenarios "the answer" means the answer to the claim stated in the step just
  before. A step beginning "suppose" changes the facts for that scenario only.

  @vcdr-37-1 @vcdr-29 @vcdr-31-2
  Scenario: The Ambassador's husband, an Irish national, has no immunity for his careless driving
    Given the invented embassy case
    And the case file characterises the M50 collision as not performed in the exercise of the Ambassador's husband's functions
    When we ask what applied on 1 May 2024
    Then the Ambassador's husband is not immune from Ireland's criminal jurisdiction for the M50 collision
    And the answer cites VCDR art. 37(1)
    And the answer explains: "As a family member who is a national of the receiving State, Conor Walsh has no immunity"
    And the answer rests on the Ambassador's husband's membership of her household and the M50 collision
    And the answer draws on reports E1 and E2
    And the answer rests on no unverified law
    And the Ambassador's husband is not immune from Ireland's civil and administrative jurisdiction for the M50 collision
    And the answer cites VCDR art. 37(1)
    And Ireland's courts may try the M50 collision
    And the Ambassador's husband is not inviolable in Ireland
    And the answer cites VCDR arts. 29 and 37(1)
    And the Ambassador's husband may be compelled to give evidence in Ireland
    And the answer cites VCDR arts. 31(2) and 37(1)

  @vcdr-37-1 @vcdr-31-1
  Scenario: Had he been Portuguese only, he would have been immune as a member of her household, although he lives permanently in Ireland
    Given the invented embassy case
    But suppose the case file recorded persons.walsh.nationalities as [PRT]
    When we ask what applied on 1 May 2024
    Then the Ambassador's husband is immune from Ireland's criminal jurisdiction for the M50 collision
    And the answer cites VCDR arts. 31(1) and 37(1)
    And the answer explains: "family member of a diplomatic agent"
    And Ireland's courts may not try the M50 collision
    And the Ambassador's husband is inviolable in Ireland

  @vcdr-37-1
  Scenario: Whether the First Secretary's wife is protected turns on whether she is Irish, which the sources do not say
    Given the invented embassy case
    When we ask what applied on 1 April 2024
    Then whether the First Secretary's wife is inviolable in Ireland is unknown
    And the answer says it needs "whether Beatriz Costa is a national of Ireland (VCDR art. 37(1))"
    And the answer cites VCDR art. 37(1)
    And the answer rests on the First Secretary's wife's membership of his household
    And the answer draws on report E1
    And the question is listed among the open questions
    And whether the First Secretary's wife may be compelled to give evidence in Ireland is unknown
    And the answer says it needs "whether Beatriz Costa is a national of Ireland"

  @vcdr-37-1 @vcdr-29
  Scenario Outline: Once her nationality is known, the answer follows from it
    Given the invented embassy case
    But suppose the case file recorded persons.beatriz.nationalities as <nationalities>
    When we ask what applied on 1 April 2024
    Then the First Secretary's wife <is or is not> inviolable in Ireland
    And the answer cites VCDR arts. 29 and 37(1)
    And the answer explains: "<reason>"

    Examples:
      | nationalities | is or is not | reason                                                    |
      | [PRT]         | is           | As a family member of a diplomatic agent in post          |
      | [PRT, IRL]    | is not       | As a family member who is a national of the receiving State |

  @vcdr-38-2 @vcdr-37-4 @vcdr-31-1 @vcdr-31-2
  Scenario: The driver, an Irish national, has no immunity even for a collision while driving the Ambassador
    Given the invented embassy case
    And the case file characterises the collision at the embassy gates as performed in the exercise of the driver's functions
    When we ask what applied on 1 March 2024
    Then the driver is not immune from Ireland's criminal jurisdiction for the collision at the embassy gates
    And the answer cites VCDR art. 38(2)
    And the answer explains: "has no immunity from Ireland's jurisdiction, save as that State admits"
    And the answer rests on the driver's employment and the collision at the embassy gates
    And the answer draws on reports E1 and E2
    And the driver is not immune from Ireland's civil and administrative jurisdiction for the collision at the embassy gates
    And the answer cites VCDR art. 38(2)
    And Ireland's courts may try the collision at the embassy gates
    And the answer cites VCDR arts. 31(1) and 38(2)
    And the driver is not inviolable in Ireland
    And the answer cites VCDR art. 38(2)
    And the driver may be compelled to give evidence in Ireland
    And the answer cites VCDR arts. 31(2) and 38(2)

  @vcdr-38-2 @vcdr-39-2
  Scenario: Immunity that never existed does not survive: the driver's collision, after he leaves
    Given the invented embassy case
    But suppose the case file recorded postings.murphy-dublin.departed as 2024-06-30
    When we ask what applied on 1 August 2024
    Then immunity for the collision at the embassy gates does not survive the end of the driver's functions in Ireland
    And the answer explains: "had no immunity from Ireland's jurisdiction under the Convention"
    And the answer cites VCDR arts. 39(2) and 38(2)
    And the driver is not immune from Ireland's criminal jurisdiction for the collision at the embassy gates

  @vcdr-37-3 @vcdr-38-1 @vcdr-31-1
  Scenario: Had he been a Portuguese member of the service staff, he would have been immune for that collision, an act in the course of his duties
    Given the invented embassy case
    But suppose the driver were reported as a member of the service staff and a national of Portugal
    When we ask what applied on 1 March 2024
    Then the driver is immune from Ireland's criminal jurisdiction for the collision at the embassy gates
    And the answer cites VCDR art. 37(3)
    And the answer explains: "immune for acts in the exercise of functions, and this was one"
    And Ireland's courts may not try the collision at the embassy gates

  @vcdr-38-2 @vcdr-29 @vcdr-31-2
  Scenario: The technician is Portuguese, but as a permanent resident of Ireland she too has only what Ireland admits
    Given the invented embassy case
    When we ask what applied on 1 March 2024
    Then the technician is not inviolable in Ireland
    And the answer cites VCDR art. 38(2)
    And the answer explains: "member of staff who is a national or permanent resident of the receiving State"
    And the answer rests on the technician's employment
    And the technician may be compelled to give evidence in Ireland
    And the answer cites VCDR art. 38(2)

  @vcdr-37-2 @vcdr-29 @vcdr-31-2
  Scenario: Had she not been permanently resident in Ireland, she would have had the protection of administrative and technical staff
    Given the invented embassy case
    But suppose the case file recorded persons.mendes.permanent_resident_of as []
    When we ask what applied on 1 March 2024
    Then the technician is inviolable in Ireland
    And the answer cites VCDR arts. 29 and 37(2)
    And the technician may not be compelled to give evidence in Ireland
    And the answer cites VCDR arts. 31(2) and 37(2)
