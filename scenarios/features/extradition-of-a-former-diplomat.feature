@invented
Feature: Extradition of a former diplomat who is not a national of the State asked to surrender him
  An invented case, not a real one (scenarios/cases/extradition.yaml). The States are real:
  Uruguay sent the diplomat, New Zealand received him, and he now lives in the Republic of
  Korea, so the New Zealand-Korea extradition treaty applies. The diplomat, what he is accused
  of and every proceeding are invented, and every fact cites an invented source (X1-X3).

  Once a diplomat's functions have ended and he has left, his immunity survives only for his
  official acts (VCDR art. 39(2)). For a private fraud he may be tried, if he can be brought
  before the court: from Korea, only by extradition. Under the treaty:
  - an offence is extraditable only if the laws of both Parties punish it with at least one
    year's imprisonment (art. 2(1)). If the case file does not give the penalty under one of
    the two laws, the engine does not guess: whether the offence is extraditable is unknown,
    and the answer names the missing penalty;
  - the treaty lets a Party refuse to surrender its own nationals (a clause nobody has
    checked, so every answer resting on it is flagged). That ground is open only where the
    person sought is a national of the requested State. The treaty's other grounds of refusal
    are not encoded, so "may not refuse" here means "may not refuse on the ground of
    nationality".

  The story: Martin Pereira, a Uruguayan national, was First Secretary at Uruguay's embassy in
  Wellington until 31 December 2022 and left New Zealand on 9 January 2023. He is accused of
  obtaining NZ$380,000 from private investors by deception in 2022, for a property venture of
  his own. He now lives in Seoul. In June 2023 he is charged in Wellington and a warrant for
  his arrest is issued. The case file gives the New Zealand penalty; it names the Korean
  offence but not its penalty.

  In these scenarios "the answer" means the answer to the claim stated in the step just
  before. A step beginning "suppose" changes the facts for that scenario only.

  @vcdr-39-2 @vcdr-29
  Scenario: No immunity survives for the private fraud, and the warrant could be executed if he came back
    Given the invented extradition case
    And the case file characterises the investment fraud as not performed in the exercise of Pereira's functions
    When we ask what applied on 1 March 2024
    Then Pereira is not immune from New Zealand's criminal jurisdiction for the investment fraud
    And the answer cites VCDR art. 39(2)
    And the answer rests on Pereira's posting to Wellington and the investment fraud
    And New Zealand's courts may try the investment fraud
    And New Zealand may arrest Pereira if he is found there
    And the answer cites VCDR arts. 29 and 39(2)
    And the answer rests on the warrant for Pereira's arrest

  @extradition-treaty-nationality-of-the-person-sought
  Scenario: Korea has no ground of nationality to refuse: Pereira is not a Korean national
    Given the invented extradition case
    When we ask what applied on 1 March 2024
    Then Korea may not refuse to extradite Pereira to New Zealand
    And the answer cites the NZ-ROK Extradition Treaty
    And the answer explains: "Martin Pereira is not a national of the Republic of Korea: the nationality ground is not open"
    And the answer explains: "the treaty's other grounds of refusal are not encoded"
    And the answer rests on Pereira
    And the answer draws on reports X1 and X2
    And the answer is flagged as resting on the NZ-ROK Extradition Treaty's nationality term, which is unverified
    And nothing in the answer says whether Korea must submit the case for prosecution if it refuses to extradite Pereira to New Zealand
    And nothing in the answer lets Korea refuse extradition of its national to New Zealand

  @extradition-treaty-nationality-of-the-person-sought @extradition-treaty-submission-for-prosecution-after-refusal
  Scenario: Had he been a Korean national too, Korea could have refused, on law nobody has checked
    Given the invented extradition case
    But suppose the case file recorded persons.pereira.nationalities as [URY, KOR]
    When we ask what applied on 1 March 2024
    Then Korea may refuse to extradite Pereira to New Zealand
    And the answer is flagged as resting on the NZ-ROK Extradition Treaty's nationality term, which is unverified
    And whether Korea must submit the case for prosecution if it refuses to extradite Pereira to New Zealand is unknown

  @extradition-treaty-dual-criminality @nz-extradition-act-1999-s-3 @nz-extradition-act-1999-s-4-1-b
  Scenario: The penalty under Korean law is not reported, so whether the fraud is an extraditable offence is unknown
    Given the invented extradition case
    When we ask what applied on 1 March 2024
    Then whether the investment fraud is an extraditable offence from Korea to New Zealand is unknown
    And the answer says it needs "the offence the conduct constitutes under the law of the Republic of Korea, and its maximum penalty"
    And the answer cites NZ-ROK Extradition Treaty art. 2(1)
    And the answer rests on the Korean offence of fraud and the fraud charge
    And the answer is flagged as resting on the Korean offence of fraud, which is unverified
    And the question is listed among the open questions
    And nothing in the answer lets New Zealand request extradition from Korea
    But Pereira is an extraditable person for New Zealand
    And the answer cites NZ Extradition Act 1999 ss 3 and 4(1)(b)
    And the answer is flagged as resting on the New Zealand offence of obtaining by deception, which is unverified

  @extradition-treaty-dual-criminality
  Scenario Outline: Once the Korean penalty is known, the treaty's one-year threshold decides
    Given the invented extradition case
    But suppose Korea's law punished the investment fraud with at most <months> months' imprisonment
    When we ask what applied on 1 March 2024
    Then the investment fraud <is or is not> an extraditable offence from Korea to New Zealand
    And the answer cites NZ-ROK Extradition Treaty art. 2(1)
    And the answer explains: "<reason>"

    Examples:
      | months | is or is not | reason                                                            |
      | 120    | is           | Both laws punish the conduct with at least 12 months' imprisonment |
      | 6      | is not       | below the treaty's minimum of 12                                  |

  @extradition-treaty-dual-criminality @nz-extradition-act-1999-s-61 @extradition-treaty-obligation-to-extradite
  Scenario: With the Korean penalty above one year, New Zealand may request his extradition, and Korea may grant it
    Given the invented extradition case
    But suppose Korea's law punished the investment fraud with at most 120 months' imprisonment
    When we ask what applied on 1 March 2024
    Then New Zealand may request extradition from Korea
    And the answer cites NZ Extradition Act 1999 ss 61 and 3
    And the answer rests on the warrant for Pereira's arrest
    And Korea may grant extradition to New Zealand if formally requested
    And the answer cites NZ-ROK Extradition Treaty art. 1
