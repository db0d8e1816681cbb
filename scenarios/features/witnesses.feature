@kim
Feature: Whether the complainant could be compelled to give evidence
  The complainant was a male member of the embassy's staff in 2017. The reports give
  neither his category of staff (diplomatic, administrative and technical, or service)
  nor his nationality or residence, and under VCDR arts. 31(2), 37 and 38 the answer
  turns on both. The engine must say so, and say what it needs, rather than guess.

  In these scenarios "the answer" means the answer to the claim stated in the step
  just before. A step beginning "suppose" changes the facts for that scenario only.

  @vcdr-31-2 @vcdr-1-c @vcdr-37 @vcdr-38
  Scenario: The complainant's category and nationality are not reported, so the answer is unknown
    Given the Kim case as the reports tell it
    And the case file does not report the complainant's category of staff, nationality or residence
    When we ask what applied on 1 December 2017
    Then whether the complainant may be compelled to give evidence in New Zealand is unknown
    And the answer says it needs "the complainant's category of staff at the mission"
    And the answer says it needs "whether he is a national or permanent resident of New Zealand"
    And the answer cites VCDR arts. 1(c), 37 and 38
    And the answer rests on the complainant's posting to the Wellington embassy
    And the answer draws on reports A2 and A3
    And the question is listed among the open questions

  @vcdr-31-2 @vcdr-37-2 @vcdr-37-3 @vcdr-38-2
  Scenario Outline: Once his category and nationality are known, the answer follows from them
    Given the Kim case as the reports tell it
    But suppose the complainant were reported as a member of the <category> and a national of <nationality>
    When we ask what applied on 1 December 2017
    Then the complainant <may or may not> be compelled to give evidence in New Zealand
    And the answer cites VCDR <article>
    And the answer rests on the complainant's posting to the Wellington embassy

    Examples:
      | category                           | nationality | may or may not | article               |
      | diplomatic staff                   | Korea       | may not        | art. 31(2)            |
      | service staff                      | New Zealand | may            | art. 38(2)            |
      | administrative and technical staff | New Zealand | may            | art. 38(2)            |
      | administrative and technical staff | Korea       | may not        | arts. 31(2) and 37(2) |
      | service staff                      | Korea       | may            | art. 37(3)            |

  @vcdr-37-3
  Scenario: That Korean service staff could be compelled rests on a reading of art. 37(3) the brief marks unverified
    Given the Kim case as the reports tell it
    But suppose the complainant were reported as a member of the service staff and a national of Korea
    When we ask what applied on 1 December 2017
    Then the complainant may be compelled to give evidence in New Zealand
    And the answer cites VCDR art. 37(3)
    And the answer does not cite VCDR art. 31(2)
    And the answer is flagged as resting on the unverified doctrine that service staff have no exemption from giving evidence
