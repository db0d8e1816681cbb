@invented
Feature: When diplomatic protection begins and ends, and what a declaration of persona non grata changes
  An invented case, not a real one (scenarios/cases/embassy.yaml): Portugal's embassy in
  Dublin. The States are real; the people and events are invented, and every fact cites an
  invented source (E1-E5).

  Privileges and immunities begin when a member of the mission enters the receiving State to
  take up the post (VCDR art. 39(1)); before that the Convention gives nothing. When his
  functions come to an end, they normally cease when he leaves the country, or on expiry of a
  reasonable period in which to do so; until then they subsist (art. 39(2)). For acts he
  performed in the exercise of his functions, immunity continues without limit of time. So
  an official act is immune whether or not his privileges still run on a given day.

  The receiving State may at any time, without giving reasons, declare a diplomat persona non
  grata; the sending State must then recall him or end his functions (art. 9(1)). If it
  refuses, the receiving State may refuse to recognise him as a member of the mission
  (art. 9(2)), and notifying that refusal ends his functions (art. 43(b)). A declaration does
  not itself remove any immunity: that still runs until he leaves (art. 39(2)).

  Where the sources give only the month of an arrival or of the end of functions, the days of
  that month are uncertain: the engine gives the window and the fact that would settle it.

  The story: Ireland declares the First Secretary persona non grata on 6 May 2024, after an
  alleged assault in a bar; Portugal refuses to recall him on 20 May. In June 2024 (the day
  is not given) Ireland notifies Portugal that it no longer recognises him, and he leaves on
  28 June. The Counsellor's functions end in August 2024 on his transfer home; when he left is
  not reported. A new Second Secretary arrives in September 2024, the day not given.

  In these scenarios "the answer" means the answer to the claim stated in the step just
  before. A step beginning "suppose" changes the facts for that scenario only.

  @vcdr-39-1
  Scenario: Before she arrives to take up her post, the new Second Secretary has no protection in Ireland
    Given the invented embassy case
    When we ask what applied on 25 August 2024
    Then the new Second Secretary is not inviolable in Ireland
    And the answer cites VCDR art. 39(1)
    And the answer explains: "had not yet arrived to take up the post (September 2024)"
    And the answer rests on the new Second Secretary's posting
    And the answer draws on report E1
    And the answer rests on no unverified law

  @vcdr-39-1 @vcdr-39
  Scenario: Inside September 2024, the month she arrived, whether she is yet protected is uncertain
    Given the invented embassy case
    When we ask what applied on 15 September 2024
    Then whether the new Second Secretary is inviolable in Ireland is uncertain
    And the uncertainty runs from 1 September 2024 to 30 September 2024
    And the answer says it needs "the exact date Ines Rocha arrived to take up the post, within September 2024"
    And the answer cites VCDR arts. 39(1) and 39
    And the answer rests on the new Second Secretary's posting
    And the question is listed among the open questions
    And whether the new Second Secretary may be compelled to give evidence in Ireland is uncertain
    And the uncertainty runs from 1 September 2024 to 30 September 2024

  @vcdr-39-1 @vcdr-29 @vcdr-31-2
  Scenario: From the end of September 2024 she is certainly in post, and inviolable
    Given the invented embassy case
    When we ask what applied on 1 October 2024
    Then the new Second Secretary is inviolable in Ireland
    And the answer cites VCDR arts. 29, 39(1) and 1(e)
    And the new Second Secretary may not be compelled to give evidence in Ireland
    And the answer cites VCDR art. 31(2)

  @vcdr-9-1 @vcdr-9-2 @vcdr-43-b @vcdr-31-1 @vcdr-29
  Scenario: Portugal must recall the First Secretary, and since it refuses Ireland may refuse to recognise him; he stays immune meanwhile
    Given the invented embassy case
    When we ask what applied on 25 May 2024
    Then Portugal may recall the First Secretary or end his functions (obliged)
    And the answer cites VCDR art. 9(1)
    And the answer explains: "Ireland declared Rui Costa persona non grata; Portugal must now recall him or end his functions"
    And the answer rests on the declaration of persona non grata and the First Secretary's posting
    And the answer draws on reports E1 and E5
    And Ireland may refuse to recognise the First Secretary as a member of the mission
    And the answer cites VCDR arts. 9(2) and 43(b)
    And the answer explains: "Portugal refused: Ireland may refuse to recognise him"
    And the answer rests on the declaration of persona non grata
    But the First Secretary is inviolable in Ireland
    And the answer cites VCDR art. 29
    And the First Secretary is immune from Ireland's criminal jurisdiction for the bar assault
    And the answer cites VCDR art. 31(1)

  @vcdr-39-2 @vcdr-29 @vcdr-31-1
  Scenario: In the first days of June 2024, whether or not Ireland had yet withdrawn its recognition, he kept his immunity until he left
    Given the invented embassy case
    When we ask what applied on 2 June 2024
    Then the First Secretary is inviolable in Ireland
    And the answer cites VCDR arts. 29 and 39(2)
    And the answer rests on the First Secretary's posting
    And the answer draws on reports E1 and E5
    And the First Secretary is immune from Ireland's criminal jurisdiction for the bar assault
    And the answer cites VCDR arts. 31(1) and 39(2)
    And the answer does not cite VCDR art. 39(1)

  @vcdr-39-2
  Scenario: Once he left on 28 June 2024, no immunity survived for the bar assault, which was not an official act
    Given the invented embassy case
    And the case file characterises the bar assault as not performed in the exercise of the First Secretary's functions
    When we ask what applied on 1 July 2024
    Then the First Secretary is not immune from Ireland's criminal jurisdiction for the bar assault
    And the answer cites VCDR art. 39(2)
    And the answer explains: "left Ireland (28 June 2024) after his functions ended"
    And the First Secretary is not inviolable in Ireland
    And Ireland's courts may try the bar assault
    And the answer is flagged as resting on the unverified doctrine that immunity is a procedural bar

  @vcdr-39-2 @vcdr-43 @vcdr-39 @vcdr-31-1
  Scenario: Inside August 2024, with no date of departure, whether the Counsellor is still protected is uncertain; the dismissal is immune either way
    Given the invented embassy case
    And the case file characterises the receptionist's dismissal as performed in the exercise of the Counsellor's functions
    When we ask what applied on 15 August 2024
    Then whether the Counsellor is inviolable in Ireland is uncertain
    And the uncertainty runs from 1 August 2024 to 31 August 2024
    And the answer says it needs "the exact date Luis Almeida's functions ended, within August 2024, and when he left"
    And the answer cites VCDR arts. 39(2) and 43
    And the answer rests on the Counsellor's posting
    And the question is listed among the open questions
    But the Counsellor is immune from Ireland's civil and administrative jurisdiction for the receptionist's dismissal
    And the answer cites VCDR arts. 31(1) and 39(2)
    And the answer explains: "the act was performed in the exercise of his functions, so it is immune either way"
    And the answer rests on the Counsellor's posting and the receptionist's dismissal
    And the answer draws on reports E1 and E2
    And the Counsellor is immune from Ireland's criminal jurisdiction for the receptionist's dismissal
    And Ireland's courts may not try the receptionist's dismissal

  @vcdr-39-2 @vcdr-39 @vcdr-31-1
  Scenario: After August 2024 his departure is still not reported, so whether he is protected is unknown; the dismissal stays immune
    Given the invented embassy case
    When we ask what applied on 15 September 2024
    Then whether the Counsellor is inviolable in Ireland is unknown
    And the answer says it needs "when Luis Almeida left Ireland, or whether a reasonable period to leave had expired"
    And the answer cites VCDR art. 39(2)
    But the Counsellor is immune from Ireland's civil and administrative jurisdiction for the receptionist's dismissal
    And the answer explains: "immune either way"

  @vcdr-39-2 @vcdr-39 @vcdr-31-1
  Scenario: Had the sources not said whether the dismissal was an official act, its immunity inside August 2024 would be uncertain too
    Given the invented embassy case
    But suppose the case file left open whether the receptionist's dismissal was performed in the exercise of the Counsellor's functions
    When we ask what applied on 15 August 2024
    Then whether the Counsellor is immune from Ireland's civil and administrative jurisdiction for the receptionist's dismissal is uncertain
    And the uncertainty runs from 1 August 2024 to 31 August 2024
    And the answer says it needs "the exact date Luis Almeida's functions ended, within August 2024"
    And the answer cites VCDR arts. 39 and 39(2)
