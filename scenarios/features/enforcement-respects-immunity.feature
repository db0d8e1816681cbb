Feature: Enforcement respects immunity, and follows the person
  A warrant is not enough to arrest a former diplomat or consul, nor to ask another State to
  surrender him. Two further things must hold.

  First, no immunity may bar a trial of the act. A former diplomat keeps his immunity for acts
  performed in the exercise of his functions (VCDR art. 39(2)), a former consul for acts in the
  exercise of consular functions, without limitation of time (VCCR art. 53(4)). While such an
  immunity bars the trial, and the sending State has not validly waived it, there is no arrest,
  no request for extradition or provisional arrest, and no surrender, because there is no trial
  to bring him to.

  Second, the person must be where the State would act. A State executes its warrant only in its
  own territory, and asks for extradition the State where the person is (NZ Extradition Act 1999
  s 61: a person "suspected of being in" that country). Where he is comes from the case file's
  reported whereabouts: periods the sources place him in a State. A day inside the window of a
  period's start or end is uncertain; a day no period covers is unknown, never "absent". Where
  he is in a State with which the case records no extradition treaty, the answer says so.

  In these scenarios "the answer" means the answer to the claim stated in the step just before.
  A step beginning "suppose" changes the facts for that scenario only.

  @kim @vcdr-39-2 @vcdr-31-1 @vcdr-29 @nz-extradition-act-1999-s-61 @extradition-treaty-provisional-arrest @extradition-treaty-obligation-to-extradite
  Scenario: Had the 2017 assaults been official acts, nothing would be offered: no arrest, no extradition, no trial
    Given the Kim case as the reports tell it
    But suppose the case file characterised the 2017 assaults as performed in the exercise of Kim's functions
    When we ask what applied on 10 August 2020
    Then Kim is immune from New Zealand's criminal jurisdiction for the 2017 assaults
    And New Zealand's courts may not try the 2017 assaults
    And New Zealand may not arrest Kim if he is found there
    And the answer cites VCDR arts. 29 and 31(1)
    And the answer explains: "it is for an act New Zealand's courts may not try"
    And the answer rests on the arrest warrant of February 2020 and the 2017 assaults
    And New Zealand may not request extradition from Korea
    And the answer cites NZ Extradition Act 1999 s 61
    And the answer explains: "there is no trial to request his extradition for"
    And New Zealand may not request provisional arrest in Korea
    And the answer explains: "there is no prosecution to arrest him for"
    And Korea may not grant extradition to New Zealand if formally requested
    And the answer explains: "there is no prosecution to surrender him for"
    But the 2017 assaults are an extraditable offence from Korea to New Zealand

  @kim @vcdr-31-1 @vcdr-29
  Scenario: Had it been left open whether the 2017 assaults were official, whether the warrant could be executed would be open too
    Given the Kim case as the reports tell it
    But suppose the case file left open whether the 2017 assaults were performed in the exercise of Kim's functions
    When we ask what applied on 10 August 2020
    Then whether New Zealand may arrest Kim if he is found there is unknown
    And the answer says it needs "whether the act was performed in the exercise of functions"
    And whether New Zealand may request extradition from Korea is unknown
    And the question is listed among the open questions

  @kim @whereabouts-presence @whereabouts-presence-elsewhere @vcdr-29 @nz-extradition-act-1999-s-61 @extradition-treaty-treaty-between-the-parties
  Scenario: When the warrant was issued Kim was in the Philippines: no arrest in New Zealand, no request to Korea, and no treaty with the Philippines
    Given the Kim case as the reports tell it
    When we ask what applied on 1 March 2020
    Then Kim is present in the Philippines
    And the answer rests on Kim's stay in the Philippines
    And the answer draws on reports A1 and A2
    And Kim is not present in New Zealand
    And the answer explains: "Hongkon Kim was in the Philippines on this day (from 2018, until August 2020), so not in New Zealand."
    And New Zealand may not arrest Kim if he is found there
    And the answer explains: "he is not in New Zealand"
    And the answer explains: "A warrant is executed only in the territory of the State that issued it"
    And the answer rests on Kim's stay in the Philippines and the arrest warrant of February 2020
    And New Zealand may not request extradition from Korea
    And the answer explains: "He is not in the Republic of Korea"
    And Korea may not grant extradition to New Zealand if formally requested
    And whether New Zealand may request extradition from the Philippines is unknown
    And the answer says it needs "an extradition treaty or other arrangement between New Zealand and the Philippines: the case records none"
    And the answer cites the Extradition treaty
    And the question is listed among the open questions

  @kim @whereabouts-presence @open-questions
  Scenario: In August 2020 Kim was leaving the Philippines for Korea: where he was is uncertain, and the warrant stays conditional
    Given the Kim case as the reports tell it
    When we ask what applied on 10 August 2020
    Then whether Kim is present in Korea is uncertain
    And the uncertainty runs from 1 August 2020 to 31 August 2020
    And the answer says it needs "the exact date from which Hongkon Kim was in the Republic of Korea, within August 2020"
    And the answer draws on report P3
    And whether Kim is present in the Philippines is uncertain
    And the answer says it needs "the exact date until which Hongkon Kim was in the Philippines, within August 2020"
    And whether Kim is present in New Zealand is unknown
    And the answer says it needs "where Hongkon Kim was on that day"
    And the question is listed among the open questions
    And New Zealand may arrest Kim if he is found there
    And the answer explains: "where he is on this day is not settled"
    And New Zealand may request extradition from Korea

  @invented @vccr-53-4 @vccr-41-1 @vccr-43-1 @nz-extradition-act-1999-s-61 @extradition-treaty-provisional-arrest @extradition-treaty-obligation-to-extradite
  Scenario: A former consul's residual immunity for an official act bars his arrest, his extradition and his trial
    Given the invented consul-sought case
    And the case file characterises the false certificates as performed in the exercise of Baek's functions
    When we ask what applied on 1 March 2023
    Then immunity for the false certificates survives the end of Baek's functions in New Zealand
    And the answer cites VCCR art. 53(4)
    And New Zealand's courts may not try the false certificates
    And New Zealand may not arrest Baek if he is found there
    And the answer cites VCCR arts. 41(1), 43(1) and 53(4)
    And the answer explains: "consular immunity for it bars any exercise of criminal jurisdiction, arrest included"
    And the answer rests on the warrant for Baek's arrest and the false certificates
    And the answer draws on reports E1 and E2
    And New Zealand may not request extradition from Korea
    And the answer cites VCCR art. 53(4)
    And New Zealand may not request provisional arrest in Korea
    And Korea may not grant extradition to New Zealand if formally requested
    But the false certificates are an extraditable offence from Korea to New Zealand

  @invented @vccr-41-1 @nz-extradition-act-1999-s-61 @whereabouts-presence @whereabouts-presence-elsewhere
  Scenario: Were the certificates outside consular functions, the warrant could be executed only in New Zealand, and he is in Korea
    Given the invented consul-sought case
    But suppose the case file characterised the false certificates as not performed in the exercise of Baek's functions
    When we ask what applied on 1 March 2023
    Then New Zealand's courts may try the false certificates
    And Baek is present in Korea
    And the answer rests on Baek's return to Korea
    And Baek is not present in New Zealand
    And New Zealand may not arrest Baek if he is found there
    And the answer explains: "he is not in New Zealand"
    And New Zealand may request extradition from Korea
    And the answer explains: "He is in the Republic of Korea."
    And the answer rests on Baek's return to Korea
    And New Zealand may request provisional arrest in Korea
    And Korea may grant extradition to New Zealand if formally requested

  @invented @vcdr-29 @vcdr-39-2 @whereabouts-presence @whereabouts-presence-elsewhere @nz-extradition-act-1999-s-61
  Scenario: During a four-day visit to New Zealand, the warrant for a former diplomat could be executed, and no request to Korea was open
    Given the invented diplomat-sought case
    When we ask what applied on 12 April 2022
    Then Yoon is present in New Zealand
    And the answer rests on Yoon's visit to New Zealand
    And the answer draws on report D1
    And New Zealand may arrest Yoon if he is found there
    And the answer explains: "and he is in New Zealand: he may be arrested"
    And the answer rests on the warrant for Yoon's arrest and Yoon's visit to New Zealand
    And Yoon is not present in Australia
    And Yoon is not present in Korea
    And New Zealand may not request extradition from Korea
    And the answer explains: "He is not in the Republic of Korea"
    And New Zealand may not request provisional arrest in Korea
    And Korea may not grant extradition to New Zealand if formally requested

  @invented @vcdr-29 @whereabouts-presence-elsewhere @extradition-treaty-treaty-between-the-parties
  Scenario: While the former diplomat lives in Australia, the case records no treaty to ask for him, and says so
    Given the invented diplomat-sought case
    When we ask what applied on 1 June 2022
    Then Yoon is present in Australia
    And New Zealand may not arrest Yoon if he is found there
    And the answer explains: "Yoon Seo-jin was in Australia on this day (from 14 April 2022, until December 2022), so not in New Zealand."
    And whether New Zealand may request extradition from Australia is unknown
    And the answer says it needs "an extradition treaty or other arrangement between New Zealand and Australia: the case records none"
    And the answer rests on Yoon's second stay in Australia
    And the question is listed among the open questions
    And New Zealand may not request extradition from Korea

  @invented @whereabouts-presence
  Scenario: When he left Australia on an unreported day, where he was is uncertain there and unknown elsewhere, and nothing is refused on a guess
    Given the invented diplomat-sought case
    When we ask what applied on 15 December 2022
    Then whether Yoon is present in Australia is uncertain
    And the uncertainty runs from 1 December 2022 to 31 December 2022
    And whether Yoon is present in Korea is unknown
    And the answer says it needs "where Yoon Seo-jin was on that day"
    And whether Yoon is present in New Zealand is unknown
    And New Zealand may arrest Yoon if he is found there
    And the answer explains: "where he is on this day is not settled"
    And New Zealand may request extradition from Korea
