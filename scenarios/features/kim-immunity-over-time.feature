@kim
Feature: Kim's immunity in New Zealand, in post and after he left
  Hongkon Kim was the deputy head of the Korean embassy in Wellington, a diplomatic
  agent (VCDR art. 1(e)). The reports place him in post in 2017, the year of the
  three alleged indecent assaults, and say he left New Zealand in February 2018,
  when his accreditation ended. They give the month of his departure, not the day.

  In these scenarios "the answer" means the answer to the claim stated in the step
  just before: what it cites, which facts of the case file it rests on, and which
  reports (A1, A2, A3) those facts come from.

  @vcdr-31-1 @vcdr-1-e @vcdr-29
  Scenario Outline: In post, Kim is immune from New Zealand's criminal jurisdiction and inviolable
    Given the Kim case as the reports tell it
    When we ask what applied on <day>
    Then Kim is immune from New Zealand's criminal jurisdiction for the 2017 assaults
    And the answer cites VCDR arts. 31(1) and 1(e)
    And the answer rests on Kim's posting to the Wellington embassy and the 2017 assaults
    And the answer draws on reports A1, A2 and A3
    And the answer rests on no unverified law
    And Kim is inviolable in New Zealand
    And the answer cites VCDR art. 29
    And New Zealand's courts may not try the 2017 assaults
    And the answer cites VCDR art. 31(1)

    Examples:
      | day              |
      | 15 June 2017     |
      | 1 December 2017  |
      | 15 January 2018  |

  @vcdr-39-2
  Scenario Outline: After he left, no immunity survives for an act that was not official
    Given the Kim case as the reports tell it
    When we ask what applied on <day>
    Then Kim is not immune from New Zealand's criminal jurisdiction for the 2017 assaults
    And the answer cites VCDR art. 39(2)
    And the answer rests on Kim's posting to the Wellington embassy and the 2017 assaults
    And the answer draws on reports A1, A2 and A3
    And Kim is not inviolable in New Zealand
    And the answer cites VCDR art. 39(2)
    And New Zealand's courts may try the 2017 assaults
    And the answer cites VCDR art. 39(2)
    And the answer is flagged as resting on the unverified doctrine that immunity is a procedural bar

    Examples:
      | day               | what was happening                                   |
      | 1 March 2018      | Kim has just left New Zealand                        |
      | 15 September 2019 | New Zealand asks Korea for a waiver                  |
      | 28 February 2020  | a Wellington judge issues a warrant for Kim's arrest |
      | 10 August 2020    | Korea has recalled and dismissed Kim                 |

  @vcdr-39-2 @vcdr-39
  Scenario Outline: Inside February 2018 the answer is uncertain, never a guess
    Given the Kim case as the reports tell it
    When we ask what applied on <day>
    Then whether Kim is immune from New Zealand's criminal jurisdiction for the 2017 assaults is uncertain
    And the uncertainty runs from 1 February 2018 to 28 February 2018
    And the answer says it needs "the exact date Hongkon Kim left New Zealand"
    And the question is listed among the open questions
    And the answer rests on Kim's posting to the Wellington embassy
    And whether Kim is inviolable in New Zealand is uncertain
    And the uncertainty runs from 1 February 2018 to 28 February 2018
    And whether New Zealand's courts may try the 2017 assaults is uncertain
    And the uncertainty runs from 1 February 2018 to 28 February 2018

    Examples:
      | day              |
      | 1 February 2018  |
      | 10 February 2018 |
      | 27 February 2018 |
