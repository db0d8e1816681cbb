@invented
Feature: Whose family: a family member has what art. 37 gives the household he belongs to
  An invented case, not a real one (scenarios/cases/household.yaml): Finland's embassy in
  Canberra and its consulate-general in Sydney. The States are real; the people and events
  are invented, and every fact cites an invented source (H1-H2).

  A family member's protection is not his own: it follows the member of the mission whose
  household he forms part of, which the case file records for each family member
  (`household_of`, naming that member's posting, or the member himself).
  - The family of a diplomatic agent have arts. 29 to 36 if they are not nationals of the
    receiving State (VCDR art. 37(1)). The test is nationality alone.
  - The family of administrative and technical staff have arts. 29 to 35 if they are neither
    nationals nor permanent residents of the receiving State, but civil and administrative
    immunity only for acts in the course of their duties (art. 37(2)).
  - Art. 37(3) and (4) give the service staff and private servants something for themselves,
    and nothing to their families.
  - Where the case file does not say whose household a family member forms part of, the engine
    answers "unknown" and says that this is the fact it needs, unless he is a national of the
    receiving State: then no household would give him anything.
  - At a consular post, the family of its members have neither inviolability nor immunity
    from jurisdiction: the VCCR gives those to consular officers and employees only.

  The people: the Minister-Counsellor (a diplomatic agent) and her husband, who is Finnish
  but has long lived in Australia and is permanently resident there; the archivist
  (administrative and technical staff) and his wife; the cook (service staff) and his wife;
  the Minister-Counsellor's nanny (a private servant); a young man the reports place in an
  embassy family without saying whose; and the Consul in Sydney and his wife.

  In these scenarios "the answer" means the answer to the claim stated in the step just
  before. A step beginning "suppose" changes the facts for that scenario only.

  @vcdr-37-1 @vcdr-31-1 @vcdr-29 @vcdr-31-2
  Scenario: The Minister-Counsellor's husband is immune as a member of her household, although he lives permanently in Australia
    Given the invented household case
    When we ask what applied on 1 June 2025
    Then the Minister-Counsellor's husband is immune from Australia's criminal jurisdiction for the speeding
    And the answer cites VCDR arts. 31(1) and 37(1)
    And the answer explains: "as a family member of a diplomatic agent"
    And the answer rests on the Minister-Counsellor's husband's place in her household, the Minister-Counsellor's posting and the speeding
    And the answer draws on reports H1 and H2
    And the answer rests on no unverified law
    And Australia's courts may not try the speeding
    And the Minister-Counsellor's husband is immune from Australia's civil and administrative jurisdiction for the speeding
    And the Minister-Counsellor's husband is inviolable in Australia
    And the answer cites VCDR arts. 29 and 37(1)
    And the Minister-Counsellor's husband may not be compelled to give evidence in Australia
    And the answer cites VCDR arts. 31(2) and 37(1)

  @vcdr-37-1 @vcdr-37-2
  Scenario: Were he an Australian national, he would have nothing from art. 37, whoever's household he belonged to
    Given the invented household case
    But suppose the case file recorded persons.mikko.nationalities as [FIN, AUS]
    When we ask what applied on 1 June 2025
    Then the Minister-Counsellor's husband is not immune from Australia's criminal jurisdiction for the speeding
    And the answer cites VCDR arts. 37(1) and 37(2)
    And the answer explains: "As a family member who is a national of the receiving State, Mikko Virtanen has no immunity"
    And the answer does not rest on the Minister-Counsellor's posting
    And Australia's courts may try the speeding
    And the Minister-Counsellor's husband is not inviolable in Australia
    And the Minister-Counsellor's husband may be compelled to give evidence in Australia

  @vcdr-37-2 @vcdr-31-1 @vcdr-29 @vcdr-31-2
  Scenario: The archivist's wife is immune from criminal jurisdiction, but not from a civil claim over an act outside the course of any duties
    Given the invented household case
    And the case file characterises the van collision as not performed in the exercise of the archivist's wife's functions
    When we ask what applied on 1 June 2025
    Then the archivist's wife is immune from Australia's criminal jurisdiction for the van collision
    And the answer cites VCDR arts. 31(1) and 37(2)
    And the answer explains: "as a family member of a member of the administrative and technical staff"
    And the answer rests on the archivist's wife's place in his household, the archivist's employment and the van collision
    And Australia's courts may not try the van collision
    And the archivist's wife is not immune from Australia's civil and administrative jurisdiction for the van collision
    And the answer cites VCDR art. 37(2)
    And the answer explains: "immune only for acts in the exercise of functions, and this was not one"
    And the archivist's wife is inviolable in Australia
    And the answer cites VCDR arts. 29 and 37(2)
    And the archivist's wife may not be compelled to give evidence in Australia
    And the answer cites VCDR arts. 31(2) and 37(2)

  @vcdr-37-2 @vcdr-31-1
  Scenario: Had the collision been an act in the course of duties, her civil immunity would have covered it too
    Given the invented household case
    But suppose the case file characterised the van collision as performed in the exercise of the archivist's wife's functions
    When we ask what applied on 1 June 2025
    Then the archivist's wife is immune from Australia's civil and administrative jurisdiction for the van collision
    And the answer cites VCDR art. 37(2)
    And the answer explains: "immune for acts in the exercise of functions, and this was one"

  @vcdr-37-2 @vcdr-29 @vcdr-31-2
  Scenario: Art. 37(2), unlike art. 37(1), tests permanent residence: were she permanently resident in Australia, she would have nothing
    Given the invented household case
    But suppose the case file recorded persons.laura.permanent_resident_of as [AUS]
    When we ask what applied on 1 June 2025
    Then the archivist's wife is not immune from Australia's criminal jurisdiction for the van collision
    And the answer cites VCDR art. 37(2)
    And the answer explains: "family member of a member of the administrative and technical staff who is permanently resident in the receiving State"
    And the answer rests on the archivist's employment
    And Australia's courts may try the van collision
    And the archivist's wife is not inviolable in Australia
    And the answer cites VCDR arts. 29 and 37(2)
    And the archivist's wife may be compelled to give evidence in Australia
    And the answer cites VCDR arts. 31(2) and 37(2)

  @vcdr-37-2 @open-questions
  Scenario: Whether she is permanently resident in Australia decides it, and when the case file does not say, the answer says so
    Given the invented household case
    But suppose the case file recorded persons.laura.permanent_resident_of as null
    When we ask what applied on 1 June 2025
    Then whether the archivist's wife is inviolable in Australia is unknown
    And the answer says it needs "whether Laura Korhonen is a national or permanent resident of Australia (VCDR art. 37(2))"
    And the answer cites VCDR art. 37(2)
    And the question is listed among the open questions
    And whether the archivist's wife is immune from Australia's criminal jurisdiction for the van collision is unknown
    And the answer says it needs "whether Laura Korhonen is a national or permanent resident of Australia"

  @vcdr-37-3 @vcdr-29 @vcdr-31-2
  Scenario: The cook's wife has nothing: art. 37(3) protects the service staff in their duties, not their families
    Given the invented household case
    When we ask what applied on 1 June 2025
    Then the cook's wife is not immune from Australia's criminal jurisdiction for the shoplifting
    And the answer cites VCDR art. 37(3)
    And the answer explains: "As a family member of a member of the service staff, Satu Nieminen has no immunity"
    And the answer rests on the cook's wife's place in his household, the cook's employment and the shoplifting
    And the answer rests on no unverified law
    And the cook's wife is not immune from Australia's civil and administrative jurisdiction for the shoplifting
    And Australia's courts may try the shoplifting
    And the cook's wife is not inviolable in Australia
    And the answer cites VCDR arts. 29 and 37(3)
    And the cook's wife may be compelled to give evidence in Australia
    And the answer cites VCDR arts. 31(2) and 37(3)

  @vcdr-37-4
  Scenario: Nor does art. 37(4) give anything to the family of a private servant
    Given the invented household case
    But suppose the case file recorded postings.satu-canberra.household_of as maria-canberra
    When we ask what applied on 1 June 2025
    Then the cook's wife is not immune from Australia's criminal jurisdiction for the shoplifting
    And the answer cites VCDR art. 37(4)
    And the answer explains: "As a family member of a private servant"
    And the answer rests on the nanny's employment
    And the cook's wife is not inviolable in Australia

  @vcdr-37-1 @vcdr-37-2 @vcdr-37 @open-questions
  Scenario: The reports do not say whose household the young man forms part of, so whether he is protected is unknown
    Given the invented household case
    When we ask what applied on 1 June 2025
    Then whether the young man is immune from Australia's criminal jurisdiction for the nightclub fight is unknown
    And the answer says it needs "whose household Ville Lehtonen forms part of"
    And the answer cites VCDR arts. 37(1) and 37(2)
    And the answer rests on the young man's place in an embassy family and the nightclub fight
    And the question is listed among the open questions
    And whether Australia's courts may try the nightclub fight is unknown
    And the answer says it needs "whose household Ville Lehtonen forms part of"
    And whether the young man is inviolable in Australia is unknown
    And the answer says it needs "whose household Ville Lehtonen forms part of"
    And whether the young man may be compelled to give evidence in Australia is unknown

  @vcdr-37-1 @vcdr-31-1
  Scenario Outline: Once the case file says whose household he forms part of, the answer follows from that member's category
    Given the invented household case
    But suppose the case file recorded postings.ville-canberra.household_of as <household>
    When we ask what applied on 1 June 2025
    Then the young man <is or is not> immune from Australia's criminal jurisdiction for the nightclub fight
    And the answer cites VCDR art. <article>
    And the answer explains: "<reason>"

    Examples:
      | household      | is or is not | article | reason                                               |
      | aino-canberra  | is           | 37(1)   | as a family member of a diplomatic agent             |
      | jussi          | is           | 37(2)   | as a family member of a member of the administrative and technical staff |
      | pekka-canberra | is not       | 37(3)   | As a family member of a member of the service staff  |

  @vcdr-37-1 @vcdr-37-2
  Scenario: Had the young man been Australian, no household would have given him anything, so the answer needs none
    Given the invented household case
    But suppose the case file recorded persons.ville.nationalities as [AUS]
    When we ask what applied on 1 June 2025
    Then the young man is not immune from Australia's criminal jurisdiction for the nightclub fight
    And the answer cites VCDR arts. 37(1) and 37(2)
    And the answer explains: "As a family member who is a national of the receiving State"

  @vcdr-1-c @vcdr-37-1 @vcdr-37-2 @open-questions
  Scenario: What the archivist's wife has depends on the archivist's category, and when the case file does not give it, the answer says so
    Given the invented household case
    But suppose the case file recorded postings.jussi-canberra.category as null
    When we ask what applied on 1 June 2025
    Then whether the archivist's wife is inviolable in Australia is unknown
    And the answer says it needs "Jussi Korhonen's category of staff at the mission, whose household Laura Korhonen forms part of"
    And the answer cites VCDR arts. 1(c), 37(1) and 37(2)
    And the answer rests on the archivist's employment
    And whether the archivist's wife is immune from Australia's criminal jurisdiction for the van collision is unknown

  @vccr-43-1 @vccr-41-1 @vccr-44-1
  Scenario: The Consul's wife has neither inviolability nor immunity: the VCCR protects consular officers and employees only
    Given the invented household case
    And the case file records the Consul as a consular officer at the Finnish consulate-general
    When we ask what applied on 1 June 2025
    Then the Consul's wife is not immune from Australia's criminal jurisdiction for the market assault
    And the answer cites VCCR art. 43(1)
    And the answer explains: "family member of a member of the consular post"
    And the answer rests on the Consul's wife's place in his household and the market assault
    And the answer rests on no unverified law
    And the Consul's wife is not immune from Australia's civil and administrative jurisdiction for the market assault
    And Australia's courts may try the market assault
    And the Consul's wife is not inviolable in Australia
    And the answer cites VCCR arts. 41(1) and 43(1)
    And the Consul's wife may be compelled to give evidence in Australia
    And the answer cites VCCR art. 44(1)
    And the answer explains: "not himself a member of the post"

  @command @what-if
  Scenario: A household the case file does not have is refused, naming the field
    Given the invented household case
    When we ask what would have applied on 1 June 2025 with the change "postings.laura-canberra.household_of=the-ambassador"
    Then the command refuses, saying "household_of: expected the posting (or person) of a member of fin-embassy-canberra who is not a family member"
