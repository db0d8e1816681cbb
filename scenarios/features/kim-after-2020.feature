Feature: The Kim case after August 2020: what later events change
  The three reports stop in August 2020. Later reports (labelled P1 to P13 in the case file;
  every one of them reported, none verified) tell what happened next: Kim returned to Korea in
  August 2020 (P3); Korea indicted him in 2023 for three touchings at the Wellington embassy
  in November-December 2017 (P1); on 30 August 2024 the Incheon District Court, Bucheon Branch,
  convicted him of indecent act by compulsion and gave him a suspended sentence (P12); the
  prosecutors appealed, and the outcome of the appeal was not found (P2).

  What follows for the answers:
  - he is in Korea, so New Zealand cannot execute its warrant, and a request for extradition
    goes to Korea;
  - New Zealand's asking Korea to prosecute him is moot: Korea has; and Korea's prosecution at
    home is under way, not a step still to take;
  - a State that has finally judged the person for the same conduct may refuse to extradite
    him (ne bis in idem). Neither the treaty's clause nor Korea's Extradition Act art. 7 has
    been checked, so every answer resting on them is flagged; and whether the Korean judgment
    is final is not reported, so the ground is open, and the answer says what would settle it.
  Before the later events, the answers are what they were.

  In these scenarios "the answer" means the answer to the claim stated in the step just before.
  A step beginning "suppose" changes the facts for that scenario only.

  @kim @whereabouts-presence @whereabouts-presence-elsewhere @vcdr-29 @nz-extradition-act-1999-s-61
  Scenario: After the Korean judgment Kim is in Korea: the warrant cannot be executed, and extradition is asked of Korea
    Given the Kim case as the reports tell it
    When we ask what applied on 10 September 2024
    Then Kim is present in Korea
    And the answer explains: "from August 2020, with no end reported"
    And the answer rests on Kim's stay in Korea
    And the answer draws on reports P3 and P12
    And Kim is not present in New Zealand
    And Kim is not present in the Philippines
    And New Zealand may not arrest Kim if he is found there
    And the answer explains: "he is not in New Zealand"
    And New Zealand may request extradition from Korea
    And the answer explains: "He is in the Republic of Korea."
    And New Zealand may request provisional arrest in Korea
    And Korea may grant extradition to New Zealand if formally requested

  @kim @extradition-treaty-final-judgment-in-the-requested-state @extradition-treaty-nationality-of-the-person-sought
  Scenario: Korea has judged Kim for the same conduct; whether it may refuse on that ground turns on whether the judgment is final, which is not reported
    Given the Kim case as the reports tell it
    When we ask what applied on 10 September 2024
    Then whether Korea may refuse extradition to New Zealand, having judged him for the same conduct is unknown
    And the answer says it needs "whether the judgment of 30 August 2024 in the Republic of Korea has become final"
    And the answer explains: "The Republic of Korea judged him for the same conduct on 30 August 2024 (Incheon District Court, Bucheon Branch)"
    And the answer rests on the Korean judgment
    And the answer draws on report P12
    And the answer is flagged as resting on the unverified doctrine that the person sought has been finally judged in the requested State
    And the answer is flagged as resting on the NZ-ROK Extradition Treaty's ne bis in idem term, which is unverified
    And the question is listed among the open questions
    But Korea may refuse to extradite Kim to New Zealand
    And the answer is flagged as resting on the NZ-ROK Extradition Treaty's nationality term, which is unverified

  @kim @extradition-treaty-final-judgment-in-the-requested-state @korean-extradition-act-7 @korean-extradition-act-3-2
  Scenario: Were the Korean judgment final, Korea could refuse on that ground too, on law nobody has checked
    Given the Kim case as the reports tell it
    But suppose the case file recorded proceedings.kor-judgment.final as true
    When we ask what applied on 10 September 2024
    Then Korea may refuse extradition to New Zealand, having judged him for the same conduct
    And the answer explains: "and the judgment is final: it may refuse to extradite him for it"
    And the answer is flagged as resting on the NZ-ROK Extradition Treaty's ne bis in idem term, which is unverified
    And Korea may refuse to extradite Kim to New Zealand
    And the answer cites Korean Extradition Act arts. 7 and 3-2
    And the answer explains: "Korea's Extradition Act bars his extradition for it"
    And the answer is flagged as resting on the unverified doctrine that Korea must refuse extradition where a final judgment on the same case has already been given in Korea
    And the answer rests on the Korean judgment and the arrest warrant of February 2020

  @kim @vcdr-31-4 @korean-criminal-act-3
  Scenario: Korea has prosecuted Kim: asking it to is moot, and its prosecution at home is under way
    Given the Kim case as the reports tell it
    When we ask what applied on 10 September 2024
    Then New Zealand may ask Korea to prosecute Kim, for the 2017 assaults
    And the answer explains: "but that is moot: the Republic of Korea has already brought proceedings against him for the act (indictment, 2023)"
    And the answer cites VCDR art. 31(4)
    And the answer rests on the Korean indictment
    And the answer draws on report P1
    And Korea may prosecute at home
    And the answer explains: "and is doing so: indictment (2023)"
    And the answer cites Korean Criminal Act art. 3
    And the answer rests on the Korean indictment

  @kim @vcdr-31-4 @korean-criminal-act-3
  Scenario: Before the Korean indictment, asking Korea to prosecute was still a step to take
    Given the Kim case as the reports tell it
    When we ask what applied on 10 August 2020
    Then New Zealand may ask Korea to prosecute Kim, for the 2017 assaults
    And the answer explains: "where his immunity never applied"
    And the answer does not rest on the Korean indictment
    And Korea may prosecute at home
    And the answer does not rest on the Korean indictment

  @invented @extradition-treaty-final-judgment-in-the-requested-state @korean-extradition-act-7 @vcdr-31-4 @korean-criminal-act-3
  Scenario: An invented former diplomat finally judged in Korea may be refused on that ground, and Korea's prosecution is no longer to be asked for
    Given the invented diplomat-sought case
    When we ask what applied on 1 June 2024
    Then Yoon is present in Korea
    And New Zealand may request extradition from Korea
    But Korea may refuse extradition to New Zealand, having judged him for the same conduct
    And the answer explains: "The Republic of Korea judged him for the same conduct on 20 November 2023 (Seoul Central District Court), and the judgment is final"
    And the answer rests on Yoon's Korean judgment
    And the answer draws on report D3
    And Korea may refuse to extradite Yoon to New Zealand
    And the answer cites Korean Extradition Act art. 7
    And New Zealand may ask Korea to prosecute Yoon, for the assault on the taxi driver
    And the answer explains: "moot"
    And the answer rests on Yoon's Korean indictment
    And Korea may prosecute at home
    And the answer explains: "and is doing so: indictment (10 May 2023)"
