@kim
Feature: Residual immunity for official acts after Kim left (VCDR art. 39(2))
  When a diplomat's functions have ended and he has left, immunity continues only for
  acts performed in the exercise of his functions as a member of the mission. Whether
  the 2017 assaults were such acts is a legal characterisation the case file states,
  with its sources; the engine never assumes it. As the case file stands they were not.
  The scenarios below also ask what the answer would be had the case file said otherwise.

  In these scenarios "the answer" means the answer to the claim stated in the step
  just before.

  @vcdr-39-2
  Scenario: As the case file stands, the 2017 assaults were not official acts, so no immunity survives
    Given the Kim case as the reports tell it
    And the case file characterises the 2017 assaults as not performed in the exercise of Kim's functions
    When we ask what applied on 10 August 2020
    Then immunity for the 2017 assaults does not survive the end of Kim's functions in New Zealand
    And the answer cites VCDR art. 39(2)
    And the answer rests on the 2017 assaults and Kim's posting to the Wellington embassy
    And the answer draws on reports A2 and A3
    And Kim is not immune from New Zealand's criminal jurisdiction for the 2017 assaults
    And the answer cites VCDR art. 39(2)

  @vcdr-39-2 @vcdr-31-1
  Scenario: Had the case file characterised the assaults as official acts, immunity would survive
    Given the Kim case as the reports tell it
    But suppose the case file characterised the 2017 assaults as performed in the exercise of Kim's functions
    When we ask what applied on 10 August 2020
    Then immunity for the 2017 assaults survives the end of Kim's functions in New Zealand
    And the answer cites VCDR art. 39(2)
    And the answer rests on the 2017 assaults
    And Kim is immune from New Zealand's criminal jurisdiction for the 2017 assaults
    And the answer cites VCDR art. 39(2)
    And New Zealand's courts may not try the 2017 assaults
    And the answer cites VCDR art. 31(1)

  @vcdr-39-2
  Scenario: Had the case file left the character of the assaults open, the answer would be unknown, not a guess
    Given the Kim case as the reports tell it
    But suppose the case file left open whether the 2017 assaults were performed in the exercise of Kim's functions
    When we ask what applied on 10 August 2020
    Then whether immunity for the 2017 assaults survives the end of Kim's functions in New Zealand is unknown
    And the answer says it needs "whether the act was performed in the exercise of functions"
    And the answer cites VCDR art. 39(2)
    And whether Kim is immune from New Zealand's criminal jurisdiction for the 2017 assaults is unknown
    And the question is listed among the open questions
    And whether New Zealand's courts may try the 2017 assaults is unknown
