@kim
Feature: The embassy stays closed, and only Korea can waive, expressly
  The premises and archives of the Korean embassy are inviolable in their own right
  (VCDR arts. 22(1) and 24): the lapse of Kim's personal immunity does not open them,
  and New Zealand's agents may enter only with the consent of the head of mission. In
  September 2019 New Zealand asked Korea to "waive immunity" so that its police could make
  evidential inquiries at the embassy; Korea declined that month (the reports give the
  month, not the day). In law that was a request for the head of mission's consent (art.
  22(1)), not for a waiver of immunity (art. 32): Kim's own immunity had lapsed when he
  left, so no waiver answer comes of it. Only the sending State can waive immunity, and a
  waiver must always be express (art. 32(1)-(2)): the scenarios show it on a waiver New
  Zealand might have asked for while Kim was in post.

  In these scenarios "the answer" means the answer to the claim stated in the step
  just before. A step beginning "suppose" changes the facts for that scenario only;
  the case file itself is never changed.

  @vcdr-22-1 @vcdr-24
  Scenario Outline: The embassy premises and archives stay inviolable after Kim left
    Given the Kim case as the reports tell it
    When we ask what applied on <day>
    Then Kim is not inviolable in New Zealand
    But the premises of the Korean embassy in Wellington are inviolable
    And the answer cites VCDR art. 22(1)
    And the answer explains: "may enter only with the head of mission's consent"
    And the answer rests on the Korean embassy in Wellington
    And the answer draws on reports A1, A2 and A3
    And the archives and documents of the Korean embassy in Wellington are inviolable
    And the answer cites VCDR art. 24

    Examples:
      | day             |
      | 1 June 2019     |
      | 1 October 2019  |
      | 10 August 2020  |

  @vcdr-22-1
  Scenario Outline: Korea declined the September 2019 request, so the police could not enter the embassy
    Given the Kim case as the reports tell it
    And the case file records that Korea declined the September 2019 request in September 2019
    When we ask what applied on <day>
    Then New Zealand's police may not enter the Korean embassy in Wellington on the strength of the September 2019 request
    And the answer cites VCDR art. 22(1)
    And the answer rests on the September 2019 request and the Korean embassy in Wellington
    And the answer draws on reports A1, A2 and A3

    Examples:
      | day             |
      | 1 October 2019  |
      | 10 August 2020  |

  @vcdr-22-1
  Scenario: Whichever day of September 2019 Korea answered, the police could not enter
    The reports date the request and Korea's refusal only to September 2019. On any day of
    that month the request was either not yet made, not yet answered, or refused: in none of
    these could the police enter, so the engine answers no, not "uncertain".
    Given the Kim case as the reports tell it
    When we ask what applied on 15 September 2019
    Then New Zealand's police may not enter the Korean embassy in Wellington on the strength of the September 2019 request
    And the answer explains: "Whichever day of September 2019 it was, the answer is the same."
    And the answer cites VCDR art. 22(1)
    And the September 2019 request did not produce a valid waiver of immunity
    And the answer cites VCDR art. 22(1)

  @vcdr-22-1 @vcdr-32-1
  Scenario Outline: The September 2019 request asked for entry, not for a waiver: it is answered under art. 22 alone
    Given the Kim case as the reports tell it
    When we ask what applied on <day>
    Then the September 2019 request did not produce a valid waiver of immunity
    And the answer explains: "no waiver came of it"
    And the answer cites VCDR art. 22(1)
    And the answer does not cite VCDR art. 32(1)
    And New Zealand's police may not enter the Korean embassy in Wellington on the strength of the September 2019 request
    And the answer cites VCDR art. 22(1)
    And the answer does not cite VCDR art. 32(1)
    And the answer rests on the September 2019 request
    And the answer draws on reports A1 and A3

    Examples:
      | day             |
      | 1 October 2019  |
      | 10 August 2020  |

  @vcdr-32-1 @vcdr-32-2
  Scenario Outline: Only an express waiver by the sending State is a waiver
    Given the Kim case as the reports tell it
    But suppose that in November 2017 New Zealand had asked Korea to waive Kim's immunity from criminal jurisdiction, and the request had been granted by <grantor>, <manner>
    When we ask what applied on 1 December 2017
    Then the November 2017 request <outcome> a valid waiver of immunity
    And the answer cites VCDR <article>
    And the answer rests on the November 2017 request

    Examples:
      | grantor               | manner        | outcome         | article               |
      | Kim himself           | expressly     | did not produce | art. 32(1)            |
      | the Republic of Korea | not expressly | did not produce | art. 32(2)            |
      | the Republic of Korea | expressly     | produced        | arts. 32(1) and 32(2) |

  @vcdr-32-2 @vcdr-31-1
  Scenario: A grant by Korea whose form the case file does not record leaves the waiver unknown, and the trial with it
    Given the Kim case as the reports tell it
    But suppose that in November 2017 New Zealand had asked Korea to waive Kim's immunity from criminal jurisdiction, and the request had been granted by the Republic of Korea, without the case file saying whether expressly
    When we ask what applied on 1 December 2017
    Then whether the November 2017 request produced a valid waiver of immunity is unknown
    And the answer says it needs "whether the sending State's waiver was express"
    And the answer cites VCDR art. 32(2)
    And the question is listed among the open questions
    And whether New Zealand's courts may try the 2017 assaults is unknown
    And the answer says it needs "whether the sending State's waiver was express"

  @vcdr-31-1 @vcdr-32-1 @vcdr-32-2
  Scenario Outline: While Kim was in post, only an express waiver by Korea would have let New Zealand's courts try him
    Given the Kim case as the reports tell it
    But suppose that in November 2017 New Zealand had asked Korea to waive Kim's immunity from criminal jurisdiction, and the request had been granted by <grantor>, <manner>
    When we ask what applied on 1 December 2017
    Then Kim is immune from New Zealand's criminal jurisdiction for the 2017 assaults
    And New Zealand's courts <may or may not> try the 2017 assaults
    And the answer cites VCDR <article>
    And the answer <rests or not> on the November 2017 request

    Examples:
      | grantor               | manner        | may or may not | article                      | rests or not      |
      | Kim himself           | expressly     | may not        | art. 31(1)                   | does not rest     |
      | the Republic of Korea | not expressly | may not        | art. 31(1)                   | does not rest     |
      | the Republic of Korea | expressly     | may            | arts. 31(1), 32(1) and 32(2) | rests             |
