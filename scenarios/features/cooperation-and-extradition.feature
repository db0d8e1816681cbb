@kim
Feature: Co-operation and extradition between New Zealand and Korea
  In August 2020 Korea said it would co-operate through criminal-justice assistance and
  extradition if New Zealand formally asked (A2, A3), and the reports said extradition
  "could be possible" (A2). Two treaties bind the two States: one on mutual legal assistance
  in criminal matters, in force for New Zealand since 30 March 2000, and one on extradition
  (2002). New Zealand makes its own requests under its Extradition Act 1999 (s 61), which
  lets it seek a person who is only accused (s 3).

  Not everything the answers rest on has been checked. The seven-year maximum for indecent
  assault in New Zealand (Crimes Act 1961 s 135) is only reported. The extradition treaty's
  clause on a Party's own nationals, and any duty to submit the case for prosecution after a
  refusal, were not retrieved; neither was Korea's Extradition Act art. 9. Answers that rest
  on them say so, and none of them asserts a duty to prosecute.

  In these scenarios "the answer" means the answer to the claim stated in the step
  just before. A step beginning "suppose" changes the facts for that scenario only.

  @mutual-assistance-treaty-requests-for-assistance @nz-extradition-act-1999-s-61 @nz-extradition-act-1999-s-3 @extradition-treaty-obligation-to-extradite @extradition-treaty-dual-criminality
  Scenario: Korea could co-operate through mutual legal assistance and extradition, if formally asked
    Given the Kim case as the reports tell it
    When we ask what applied on 10 August 2020
    Then New Zealand may request mutual legal assistance from Korea
    And the answer cites the NZ-ROK Mutual Assistance Treaty
    And the answer explains: "the treaty has been in force since 30 March 2000"
    And New Zealand may request extradition from Korea
    And the answer cites NZ Extradition Act 1999 ss 61 and 3
    And the answer cites NZ-ROK Extradition Treaty arts. 1 and 2(1)
    And the answer explains: "a conviction is not needed"
    And the answer rests on the arrest warrant of February 2020
    And Korea may grant extradition to New Zealand if formally requested
    And the answer cites NZ-ROK Extradition Treaty arts. 1 and 2(1)

  @extradition-treaty-dual-criminality
  Scenario: Extradition is possible: both laws punish the alleged assaults with more than the treaty's one year
    Given the Kim case as the reports tell it
    When we ask what applied on 10 August 2020
    Then the 2017 assaults are an extraditable offence from Korea to New Zealand
    And the answer cites NZ-ROK Extradition Treaty art. 2(1)
    And the answer explains: "Both laws punish the conduct with at least 12 months' imprisonment"
    And the answer explains: "Crimes Act 1961 s 135 (indecent assault, up to 84 months)"
    And the answer explains: "Criminal Act art. 298 (indecent act by compulsion, up to 120 months)"
    And the answer rests on the New Zealand offence of indecent assault and the Korean offence of indecent act by compulsion
    And the answer draws on report LB
    And the answer is flagged as resting on the New Zealand offence of indecent assault, which is only reported
    And the answer is not flagged as resting on the Korean offence of indecent act by compulsion

  @extradition-treaty-dual-criminality
  Scenario Outline: Below the treaty's one-year minimum under either law, the offence would not be extraditable
    Given the Kim case as the reports tell it
    But suppose <which> law punished the 2017 assaults with at most <months> months' imprisonment
    When we ask what applied on 10 August 2020
    Then the 2017 assaults are not an extraditable offence from Korea to New Zealand
    And the answer cites NZ-ROK Extradition Treaty art. 2(1)
    And the answer explains: "below the treaty's minimum of 12"
    And nothing in the answer lets New Zealand request extradition from Korea
    And nothing in the answer lets Korea grant extradition to New Zealand if formally requested

    Examples:
      | which          | months |
      | New Zealand's  | 6      |
      | Korea's        | 11     |

  @extradition-treaty-dual-criminality
  Scenario: Had the case file not reported New Zealand's maximum penalty, extraditability would be unknown, not a guess
    Given the Kim case as the reports tell it
    But suppose the case file did not report the maximum penalty for the 2017 assaults under New Zealand's law
    When we ask what applied on 10 August 2020
    Then whether the 2017 assaults are an extraditable offence from Korea to New Zealand is unknown
    And the answer says it needs "the offence the conduct constitutes under the law of New Zealand, and its maximum penalty"
    And the question is listed among the open questions

  @nz-extradition-act-1999-s-3 @nz-extradition-act-1999-s-4-1-b
  Scenario: An accused person can be extradited: no conviction is needed
    Given the Kim case as the reports tell it
    And the case file records a warrant for Kim's arrest issued in New Zealand in February 2020, and no conviction
    When we ask what applied on 10 August 2020
    Then Kim is an extraditable person for New Zealand
    And the answer cites NZ Extradition Act 1999 ss 3 and 4(1)(b)
    And the answer explains: "an accused person is extraditable. No conviction is required"
    And the answer rests on the arrest warrant of February 2020 and the New Zealand offence of indecent assault
    And the answer draws on reports A2 and LB

  @nz-extradition-act-1999-s-3
  Scenario: Before the warrant, with the charges undated, whether Kim was yet an extraditable person is unknown
    Given the Kim case as the reports tell it
    When we ask what applied on 1 June 2019
    Then whether Kim is an extraditable person for New Zealand is unknown
    And the answer says it needs "the date of the charge in New Zealand"
    And the question is listed among the open questions

  @korean-extradition-act-9 @korean-extradition-act-3-2 @extradition-treaty-nationality-of-the-person-sought @extradition-treaty-submission-for-prosecution-after-refusal
  Scenario: Korea may refuse to extradite its own national, on law nobody has checked, and whether it must then prosecute is left open
    Given the Kim case as the reports tell it
    When we ask what applied on 10 August 2020
    Then Korea may refuse to extradite Kim to New Zealand
    And the answer cites Korean Extradition Act arts. 9 and 3-2
    And the answer rests on Kim
    And the answer is flagged as resting on the NZ-ROK Extradition Treaty's nationality term, which is unverified
    And the answer is flagged as resting on the unverified doctrine that Korea may refuse to extradite a Korean national
    And whether Korea must submit the case for prosecution if it refuses to extradite Kim to New Zealand is unknown
    And the answer says it needs "the checked text of NZ-ROK Extradition Treaty clause on submission for prosecution"
    And the answer is flagged as resting on the NZ-ROK Extradition Treaty's submit for prosecution term, which is unverified
    And the question is listed among the open questions

  @extradition-treaty-nationality-of-the-person-sought
  Scenario: Had Kim's nationality not been reported, whether Korea could refuse on that ground would be unknown
    Given the Kim case as the reports tell it
    But suppose the case file did not report Kim's nationality
    When we ask what applied on 10 August 2020
    Then whether Korea may refuse to extradite Kim to New Zealand is unknown
    And the answer says it needs "whether Hongkon Kim is a national of the Republic of Korea"
    And nothing in the answer says whether Korea must submit the case for prosecution if it refuses to extradite Kim to New Zealand

  @korean-criminal-act-3 @vcdr-31-4
  Scenario Outline: Korea may always prosecute Kim at home, whatever his immunity in New Zealand
    Given the Kim case as the reports tell it
    When we ask what applied on <day>
    Then Kim's immunity from New Zealand's criminal jurisdiction for the 2017 assaults is <status>
    But Korea may prosecute at home
    And the answer cites Korean Criminal Act art. 3
    And the answer cites VCDR art. 31(4)
    And the answer rests on the 2017 assaults and Kim
    And the answer rests on no unverified law

    Examples:
      | day             | status   |
      | 1 December 2017 | in force |
      | 10 August 2020  | lapsed   |

  @vcdr-32-1 @vcdr-31-1 @vcdr-9-1 @vcdr-9-2
  Scenario: While Kim was in post, New Zealand could ask Korea to waive his immunity, or declare him persona non grata
    Given the Kim case as the reports tell it
    When we ask what applied on 1 December 2017
    Then New Zealand may request waiver of Kim's immunity, for the 2017 assaults
    And the answer cites VCDR arts. 32(1) and 31(1)
    And the answer explains: "only the sending State can"
    And Korea may waive Kim's immunity, for the 2017 assaults
    And New Zealand may declare Kim persona non grata
    And the answer cites VCDR arts. 9(1) and 9(2)
    And the answer explains: "must then recall him or end his functions"
    And the answer rests on Kim's posting to the Wellington embassy
    But nothing in the answer lets New Zealand arrest Kim if he is found there

  @vcdr-32-1 @vcdr-9-1 @vcdr-29 @vcdr-39-2
  Scenario: After he left there was nothing to waive and no one to declare persona non grata, but the warrant could be executed if he came back
    Given the Kim case as the reports tell it
    When we ask what applied on 10 August 2020
    Then New Zealand may not request waiver of Kim's immunity, for the 2017 assaults
    And the answer explains: "He has no immunity left for the act, so there is nothing to waive"
    And Korea may not waive Kim's immunity, for the 2017 assaults
    And New Zealand may not declare Kim persona non grata
    And the answer explains: "no longer a member of the mission"
    But New Zealand may arrest Kim if he is found there
    And the answer cites VCDR arts. 29 and 39(2)
    And the answer rests on the arrest warrant of February 2020 and Kim's posting to the Wellington embassy
    And the answer draws on report A2

  @vcdr-39-2
  Scenario: After he left but before the warrant of February 2020, there was nothing to execute
    Given the Kim case as the reports tell it
    When we ask what applied on 15 January 2020
    Then Kim is not inviolable in New Zealand
    But nothing in the answer lets New Zealand arrest Kim if he is found there

  @vcdr-43-a @vccr-25-a
  Scenario Outline: Korea could recall Kim from whichever post he held
    Given the Kim case as the reports tell it
    When we ask what applied on <day>
    Then Korea may recall Kim
    And the answer cites <article>
    And the answer rests on <posting>

    Examples:
      | day             | article         | posting                                 |
      | 1 December 2017 | VCDR art. 43(a) | Kim's posting to the Wellington embassy |
      | 1 June 2019     | VCCR art. 25(a) | Kim's post in the Philippines           |
