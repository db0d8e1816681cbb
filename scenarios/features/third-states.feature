@kim
Feature: A post in a third State: what Kim's consular post in the Philippines gave him, and against whom
  From 2018 to August 2020 Kim was Korea's Consul-General in the Philippines: a consular
  officer there (VCCR art. 1(1)(d)), and a post in a third State as far as New Zealand is
  concerned. VCDR art. 40 gives a diplomat passing through a third State only what his
  transit needs; a post elsewhere gives him nothing against the State he has left. Towards
  the Philippines, the post gave him consular protection, not diplomatic: immunity only for
  acts in the exercise of consular functions at that post (VCCR art. 43(1)), and
  inviolability save for a grave crime (art. 41(1)).

  In these scenarios "the answer" means the answer to the claim stated in the step
  just before. A step beginning "suppose" changes the facts for that scenario only.

  @vcdr-39-2 @vcdr-31-1 @vcdr-40
  Scenario: On 1 June 2019 the Philippine post gave Kim no immunity from New Zealand
    Given the Kim case as the reports tell it
    And the case file records Kim as Korea's Consul-General in the Philippines from 2018
    When we ask what applied on 1 June 2019
    Then Kim is not immune from New Zealand's criminal jurisdiction for the 2017 assaults
    And the answer cites VCDR arts. 39(2), 31(1) and 40
    And the answer cites VCCR art. 43
    And the answer explains: "runs only against the Philippines"
    And the answer rests on Kim's posting to the Wellington embassy, Kim's post in the Philippines and the 2017 assaults
    And Kim is not immune from New Zealand's civil and administrative jurisdiction for the 2017 assaults
    And Kim is not inviolable in New Zealand
    And New Zealand's courts may try the 2017 assaults

  @vccr-43-1 @vccr-1-1-d @vccr-41-1 @vccr-44-1
  Scenario: Towards the Philippines his immunity was functional only, and did not reach the 2017 assaults
    Given the Kim case as the reports tell it
    And the case file records Kim as Korea's Consul-General in the Philippines from 2018
    When we ask what applied on 1 June 2019
    Then Kim is not immune from the Philippines' criminal jurisdiction for the 2017 assaults
    And the answer cites VCCR arts. 43(1) and 1(1)(d)
    And the answer does not cite VCDR art. 31(1)
    And the answer explains: "immune in the Philippines only for acts in the exercise of consular functions"
    And the answer rests on Kim's post in the Philippines and the 2017 assaults
    And Kim is not immune from the Philippines' civil and administrative jurisdiction for the 2017 assaults
    But Kim is inviolable in the Philippines
    And the answer cites VCCR art. 41(1)
    And the answer explains: "save for a grave crime on a judicial decision"
    And Kim may not be compelled to give evidence in the Philippines
    And the answer cites VCCR art. 44(1)

  @vcdr-39-2 @vccr-43-1 @vccr-53-4
  Scenario: Even had the assaults been official acts of his Wellington post, the Philippine post would not cover them
    Given the Kim case as the reports tell it
    But suppose the case file characterised the 2017 assaults as performed in the exercise of Kim's functions
    When we ask what applied on 1 June 2019
    Then Kim is immune from New Zealand's criminal jurisdiction for the 2017 assaults
    And the answer cites VCDR art. 39(2)
    But Kim is not immune from the Philippines' criminal jurisdiction for the 2017 assaults
    And the answer cites VCCR art. 43(1)
    And the answer explains: "this was not one at this post (it was done elsewhere)"
    And immunity for the 2017 assaults does not survive the end of Kim's functions in the Philippines
    And the answer cites VCCR art. 53(4)
