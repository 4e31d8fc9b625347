using Workers.Infra.Tests.Checks;
using YamlDotNet.RepresentationModel;

namespace Workers.Infra.Tests.Rules;

// Every resource type is a real CloudFormation type (of those the workers' and services' templates use), and GetAtt asks for
// attributes that type returns (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-template-resource-type-ref.html).
public sealed class ResourceTypeRule : TemplateRule
{
    // Type → the attributes Fn::GetAtt returns for it.
    public static readonly IReadOnlyDictionary<string, string[]> Types = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["AWS::SQS::Queue"] = ["Arn", "QueueName", "QueueUrl"],
        ["AWS::SQS::QueuePolicy"] = ["Id"],
        ["AWS::IAM::ManagedPolicy"] = ["PolicyArn", "PolicyId", "AttachmentCount", "CreateDate", "DefaultVersionId", "IsAttachable", "UpdateDate"],
        ["AWS::IAM::Role"] = ["Arn", "RoleId"],
        ["AWS::SNS::Topic"] = ["TopicArn", "TopicName"],
        ["AWS::SNS::Subscription"] = ["Arn"],
        ["AWS::CloudWatch::Alarm"] = ["Arn"],
        ["AWS::S3::Bucket"] = ["Arn", "DomainName", "DualStackDomainName", "RegionalDomainName", "WebsiteURL"],
        ["AWS::KMS::Key"] = ["Arn", "KeyId"],
        ["AWS::Logs::LogGroup"] = ["Arn"],
        ["AWS::EC2::SecurityGroup"] = ["GroupId", "VpcId"],
        ["AWS::ElasticLoadBalancingV2::LoadBalancer"] = ["CanonicalHostedZoneID", "DNSName", "LoadBalancerArn", "LoadBalancerFullName", "LoadBalancerName", "SecurityGroups"],
        ["AWS::ElasticLoadBalancingV2::Listener"] = ["ListenerArn"],
        ["AWS::ElasticLoadBalancingV2::TargetGroup"] = ["LoadBalancerArns", "TargetGroupArn", "TargetGroupFullName", "TargetGroupName"],
    };

    public override string Name => "cfn-resource-type";

    protected override IEnumerable<Violation> Check(CheckedFile file, YamlMappingNode template)
    {
        foreach (var (id, _, type) in Resources(template))
        {
            if (type.Length > 0 && !Types.ContainsKey(type))
            {
                yield return file.Violation(Name, $"resource {id} has type '{type}', which is not a CloudFormation resource type these templates may use ({string.Join(", ", Types.Keys)}).");
            }
        }
    }
}
