@invented
Feature: A member of a consular post whose standing the case file does not settle
  What the Vienna Convention on Consular Relations gives a member of a consular post turns
  on his category (consular officer or consular employee, art. 1(1)) and on whether he is a
  national or permanent resident of the receiving State (art. 71). When the case file does
  not say, the engine does not guess and does not fall silent: it answers "unknown" and
  names the fact that would settle it. One thing needs no such fact: no member of a consular
  post, of any category, is immune for an act outside consular functions (arts. 43(1), 71).

  In these scenarios "the answer" means the answer to the claim stated in the step just before.

  @vccr-1-1 @vccr-71
  Scenario: With the local clerk's category unreported, his inviolability and duty to give evidence are unknown
    Given the invented consulate case
    But suppose the case file recorded postings.hughes-sydney.category as null
    When we ask what applied on 1 March 2024
    Then whether the local clerk is inviolable in Australia is unknown
    And the answer cites VCCR art. 1(1)
    And the answer says it needs "category at the consular post"
    And whether the local clerk may be compelled to give evidence in Australia is unknown
    And the answer cites VCCR art. 71

  @vccr-1-1 @vccr-43-1 @vccr-71
  Scenario: With his category unreported, immunity for an official act is unknown, for a theft it is not
    Given the invented consulate case
    But suppose the case file recorded postings.hughes-sydney.category as null
    When we ask what applied on 1 March 2024
    Then whether the local clerk is immune from Australia's criminal jurisdiction for the visa letter is unknown
    And the answer cites VCCR arts. 1(1) and 43(1)
    And the local clerk is not immune from Australia's criminal jurisdiction for the theft from the visa-fee till
    And the answer explains: "no member of a post is immune"

  @vccr-1-1-f @vccr-43-1 @vccr-44-1
  Scenario: A member of the service staff of a consular post has no immunity and must give evidence
    Given the invented consulate case
    But suppose the case file recorded postings.salazar-sydney.category as service_staff
    When we ask what applied on 1 March 2024
    Then the Consul is not immune from Australia's criminal jurisdiction for the issue of the emergency passport
    And the answer cites VCCR art. 43(1)
    And the Consul is not inviolable in Australia
    And the Consul may be compelled to give evidence in Australia
    And the answer cites VCCR art. 44(1)

  @vccr-1-1 @vccr-71
  Scenario: A diplomatic rank at a consular post settles nothing under the VCCR
    Given the invented consulate case
    But suppose the case file recorded postings.salazar-sydney.category as diplomatic_agent
    When we ask what applied on 1 March 2024
    Then whether the Consul is inviolable in Australia is unknown
    And the answer says it needs "category at the consular post"

  @vccr-71-2 @vccr-53-4
  Scenario: Immunity that never existed does not survive: a local clerk's official letter after he leaves
    Given the invented consulate case
    But suppose the case file recorded postings.hughes-sydney.departed as 2024-06-30
    When we ask what applied on 1 August 2024
    Then immunity for the visa letter does not survive the end of the local clerk's functions in Australia
    And the answer explains: "had no immunity from its jurisdiction (art. 71(2))"
    And the local clerk is not immune from Australia's criminal jurisdiction for the visa letter

  @vccr-43-1 @vccr-53-4
  Scenario: A member of the service staff had no immunity to keep after leaving
    Given the invented consulate case
    But suppose the case file recorded postings.salazar-sydney.category as service_staff
    And suppose the case file recorded postings.salazar-sydney.departed as 2024-06-30
    When we ask what applied on 1 August 2024
    Then immunity for the issue of the emergency passport does not survive the end of the Consul's functions in Australia
    And the answer cites VCCR art. 43(1)
    And the Consul is not immune from Australia's criminal jurisdiction for the issue of the emergency passport
