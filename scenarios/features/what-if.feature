@kim @command @what-if
Feature: What if: the answers a different fact would change
  `immunity what-if --set PATH=VALUE ... --at DATE` evaluates a changed copy of the case
  and prints only the answers that differ, before and after, with the rule behind each.
  PATH walks the case file and picks list items by their id, so
  `requests.waiver-2019-09.response.outcome=granted` means "Korea granted the September 2019
  request". `--patch FILE` merges a partial case file into the case instead. Either way the
  case file itself is never changed: the hypothesis lives in memory only.

  In these scenarios a hypothesis is written in words, or as the `--set` changes themselves;
  scenarios/STEPS.md lists the words and the changes they stand for.

  Background:
    Given the Kim case as the reports tell it

  @vcdr-22-1
  Scenario: Had Korea granted the September 2019 request, the police could have made their inquiries at the embassy
    The request asked for entry, not for a waiver of immunity: only the answer under art. 22(1)
    changes, and no answer about a waiver appears.
    When we ask what would have applied on 1 October 2019 if Korea had granted the September 2019 request
    Then exactly these answers change:
      | answer                                                                                  | before | after   |
      | whether New Zealand's police may enter the Korean embassy in Wellington on the September 2019 request | no     | yes     |
    And entry to the Korean embassy in Wellington becomes permitted by the rule vcdr.22-1.consent-by-sending-state, citing VCDR art. 22(1)
    And none of Kim's immunities changes
    And the case file on disk is byte for byte what it was

  @vcdr-39-2
  Scenario: Had the 2017 assaults been official acts, Kim's immunity would have survived his departure
    When we ask what would have applied on 10 August 2020 if the 2017 assaults had been performed in the exercise of Kim's functions
    Then these answers change, among others:
      | answer                                                               | before | after |
      | Kim's immunity from New Zealand's criminal jurisdiction              | no     | yes   |
      | Kim's immunity from New Zealand's civil jurisdiction                 | no     | yes   |
      | whether Kim's immunity for the 2017 assaults survives in New Zealand | no     | yes   |
      | whether New Zealand's courts may try Kim for the 2017 assaults       | yes    | no    |
    And Kim's immunity from New Zealand's criminal jurisdiction is then held by the rule vcdr.39-2.functions-ended, citing VCDR art. 39(2)
    And the inviolability of the premises of the Korean embassy in Wellington does not change
    And the case file on disk is byte for byte what it was

  @vcdr-31-1 @vcdr-29
  Scenario: Had Kim still been posted in Wellington in 2020, he would still have been immune
    When we ask what would have applied on 10 August 2020 with the changes "postings.kim-wellington.functions_ended=null", "postings.kim-wellington.departed=null" and "postings.kim-wellington.in_post_during=[2017, 2020]"
    Then these answers change, among others:
      | answer                                                         | before | after |
      | Kim's immunity from New Zealand's criminal jurisdiction        | no     | yes   |
      | Kim's inviolability in New Zealand                             | no     | yes   |
      | whether New Zealand's courts may try Kim for the 2017 assaults | yes    | no    |
    And Kim's immunity from New Zealand's criminal jurisdiction is then held by the rule vcdr.31-1.criminal, citing VCDR art. 31(1)
    And the case file on disk is byte for byte what it was

  @vcdr-38-1
  Scenario Outline: Had Kim been a New Zealand national too, he would have been immune only for official acts while in post
    Given a partial case file that gives Kim the nationalities of Korea and New Zealand
    When we ask what would have applied on <day> with that partial case file
    Then Kim's immunity from New Zealand's criminal jurisdiction <changes>
    And the case file on disk is byte for byte what it was

    Examples:
      | day            | changes                                                          |
      | 1 June 2017    | changes from yes to no, by the rule vcdr.38-1.official-acts-only |
      | 10 August 2020 | does not change                                                  |

  Scenario: A change to a fact the case file does not have is refused, with a clear message
    When we ask what would have applied on 1 October 2019 with the change "requests.nope.response.outcome=granted"
    Then the command refuses, saying "no item 'nope'"
    And the message lists the requests the case file does have: waiver-2019-09 and return-2020-07
    And the case file on disk is byte for byte what it was

  Scenario: A change that would make the case file invalid is refused, naming the field
    When we ask what would have applied on 10 August 2020 with the change "acts.assault-2017.official=maybe"
    Then the command refuses, saying "official"
    And the case file on disk is byte for byte what it was
