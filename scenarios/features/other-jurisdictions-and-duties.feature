@kim
Feature: Third States, the sending State's jurisdiction, and the duty to respect local law
  From 2018 to August 2020 Kim was Korea's Consul-General in the Philippines. A post in a
  third State gives him nothing against New Zealand. Whatever his immunity in New Zealand,
  Korea keeps jurisdiction over its own diplomat (VCDR art. 31(4)). And everyone enjoying
  privileges must respect the receiving State's laws, without prejudice to those
  privileges (art. 41(1)).

  In these scenarios "the answer" means the answer to the claim stated in the step
  just before.

  @vcdr-39-2 @vcdr-40
  Scenario: A post in the Philippines gives Kim no immunity from New Zealand
    Given the Kim case as the reports tell it
    And the case file records Kim as Korea's Consul-General in the Philippines from 2018
    When we ask what applied on 1 June 2019
    Then Kim is not immune from New Zealand's criminal jurisdiction for the 2017 assaults
    And the answer cites VCDR arts. 39(2) and 40
    And the answer cites VCCR art. 43
    And the answer rests on Kim's posting to the Wellington embassy and Kim's post in the Philippines
    And the answer explains: "art. 40 protects transit, not a post elsewhere"
    And Kim is not inviolable in New Zealand
    And nothing in the answer protects Kim from New Zealand's jurisdiction

  @vcdr-31-4
  Scenario Outline: Korea keeps jurisdiction over its own diplomat, whatever his immunity in New Zealand
    Given the Kim case as the reports tell it
    When we ask what applied on <day>
    Then Kim's immunity from New Zealand's criminal jurisdiction for the 2017 assaults is <status>
    But the Republic of Korea has jurisdiction over Kim for the 2017 assaults
    And the answer cites VCDR art. 31(4)
    And the answer rests on Kim's posting to the Wellington embassy and the 2017 assaults
    And the answer draws on reports A2 and A3

    Examples:
      | day              | status    |
      | 1 December 2017  | in force  |
      | 10 February 2018 | uncertain |
      | 10 August 2020   | lapsed    |

  @vcdr-41-1
  Scenario: A diplomat must respect New Zealand's laws, without prejudice to his immunity
    Given the Kim case as the reports tell it
    When we ask what applied on 1 December 2017
    Then Kim is bound to respect New Zealand's laws
    And the answer cites VCDR art. 41(1)
    And the answer explains: "breaking them does not by itself remove his immunities"
    And the answer rests on Kim's posting to the Wellington embassy
    And Kim is immune from New Zealand's criminal jurisdiction for the 2017 assaults
